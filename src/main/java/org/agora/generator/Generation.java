package org.agora.generator;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * One run of the generator on one database: plans every row in memory from the seed (arrays of numbers, no objects
 * per row), then streams them to PostgreSQL with COPY, two tables at a time. Counters (supports and comments on
 * proposals, seats on meetings, supports per person) are computed from the same plan as the rows they count.
 */
final class Generation {

    static final String DOMAIN = "example.invalid";
    static final String EMAIL_PATTERN = "bench-%06d@" + DOMAIN;
    static final String STAFF_EMAIL = "bench-agent@" + DOMAIN;
    static final String PASSWORD = "agora-bench-2026";
    static final String SLUG_PREFIX = "bench-";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long DAY = 86_400;
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final List<String[]> DESTINATIONS = List.of(
            new String[] {"Charte de la démocratie permanente", "CHARTER", "SCROLL"},
            new String[] {"Mesure immédiate", "IMMEDIATE_MEASURE", "BOLT"},
            new String[] {"Transmise à un autre échelon", "OTHER_LEVEL", "ARROW"},
            new String[] {"Non retenue", "NOT_RETAINED", "CROSS"});
    private static final String[] KINDS = {"FABRIK", "FABRIK", "FABRIK", "TOUR_STOP", "TOUR_STOP", "SEMINAR", "WEBINAR",
            "PANEL_SESSION", "OTHER", "OTHER"};

    record Options(String url, String user, String password, Scale scale, long seed, boolean index, String indexDir) {
    }

    private final Options options;
    private final PrintStream out;
    private final Progress progress;
    private final Scale scale;
    private final long anchor = Instant.now().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
    private final long windowStart;

    // The plan.
    private World world;
    private long staffId;
    private long firstAccount;
    private long firstProposal;
    private long firstComment;
    private long firstMeeting;
    private long regionalProcess;
    private long[] departementProcess;
    private long[][] destinationIds;
    private int[] accountCommune;
    private byte[] proposalProcess;        // index into processIds
    private long[] processIds;
    private int[] proposalAuthor;
    private int[] proposalCommune;
    private long[] proposalTerritory;
    private byte[] proposalTheme;
    private byte[] proposalStatus;          // 0 published, 1 withdrawn, 2 draft
    private long[] proposalTime;            // published (or created, for drafts), epoch seconds
    private byte[] proposalDestination;     // -1: not answered
    private int[] supports;
    private int[] comments;
    private final Map<Integer, Integer> lastNumbers = new TreeMap<>();

    Generation(Options options, PrintStream out, Progress progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
        this.scale = options.scale();
        long days = scale == Scale.GRAND_DEBAT ? 1_000 : 300;
        this.windowStart = anchor - days * DAY;
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(options.url(), options.user(), options.password());
    }

    // ---- What is there already ------------------------------------------------------------------------------------

    /** The number of generated participants in the database (0 when never generated). */
    static long generatedParticipants(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM account WHERE email LIKE 'bench-%@" + DOMAIN + "' AND email <> '"
                + STAFF_EMAIL + "'");
    }

    static long generatedProposals(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM proposal p JOIN participatory_process pp ON pp.id = p.process_id "
                + "WHERE pp.slug LIKE '" + SLUG_PREFIX + "%'");
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- The run ----------------------------------------------------------------------------------------------------

    void generate() throws Exception {
        try (Connection connection = open()) {
            connection.setAutoCommit(true);
            int territories = ReferenceTerritories.loadIfEmpty(connection);
            if (territories > 0) {
                out.println("  territories: loaded " + territories + " from " + ReferenceTerritories.FILE);
            }
            world = World.load(connection);
            long planning = System.nanoTime();
            firstAccount = next(connection, "account");
            staffId = firstAccount + scale.participants;
            firstProposal = next(connection, "proposal");
            firstComment = next(connection, "resource_comment");
            firstMeeting = next(connection, "meeting");
            processes(connection);
            plan(connection);
            out.println("  plan: computed in " + Progress.format(Duration.ofNanos(System.nanoTime() - planning)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            await(List.of(pool.submit(this::accounts), pool.submit(this::proposals)));
            await(List.of(pool.submit(this::supportRows), pool.submit(this::commentRows),
                    pool.submit(() -> { meetings(); evaluations(); return null; })));
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = open()) {
            finish(connection);
        }
    }

    private static void await(List<Future<?>> tasks) throws Exception {
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private static long next(Connection connection, String table) throws SQLException {
        return count(connection, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
    }

    // ---- Processes, phases, themes, destinations: few rows, plain inserts ------------------------------------------

    private void processes(Connection connection) throws SQLException {
        LocalDate start = LocalDate.ofInstant(Instant.ofEpochSecond(windowStart), PARIS);
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochSecond(anchor), PARIS);
        int departements = world.departementIds.size();
        processIds = new long[departements + 1];
        departementProcess = new long[departements];
        destinationIds = new long[departements + 1][DESTINATIONS.size()];
        connection.setAutoCommit(false);
        try (PreparedStatement process = connection.prepareStatement("INSERT INTO participatory_process (slug, title, "
                + "summary, description, territory_id, status, starts_on, ends_on, created_at, published_at, version) "
                + "VALUES (?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, 0)", new String[] {"id"});
             PreparedStatement phase = connection.prepareStatement("INSERT INTO process_phase (process_id, phase_index, "
                     + "name, description, starts_on, ends_on, proposals_open, supports_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement feature = connection.prepareStatement("INSERT INTO process_feature (process_id, feature) VALUES (?, ?)");
             PreparedStatement theme = connection.prepareStatement("INSERT INTO process_theme (process_id, theme_position, name) VALUES (?, ?, ?)");
             PreparedStatement destination = connection.prepareStatement("INSERT INTO destination (process_id, position, "
                     + "label_fr, description, icon, kind, reason_required) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
             PreparedStatement setting = connection.prepareStatement("INSERT INTO evaluation_setting (process_id, publish_on_validation) VALUES (?, TRUE)")) {
            for (int p = 0; p <= departements; p++) {
                boolean regional = p == 0;
                String name = regional ? "Centre-Val de Loire" : world.departementNames.get(p - 1);
                String slug = SLUG_PREFIX + (regional ? "grand-debat-regional" : "demarche-" + world.departementCodes.get(p - 1));
                String title = regional ? "Grand débat régional" : "Démarche citoyenne — " + name;
                process.setString(1, slug);
                process.setString(2, title);
                process.setString(3, "Proposez, soutenez et débattez des priorités pour " + name + ".");
                process.setString(4, "Chacun peut déposer des propositions, soutenir celles des autres et les commenter. "
                        + "Les services de la Région étudient chaque proposition et y répondent publiquement.");
                process.setLong(5, regional ? world.regionId : world.departementIds.get(p - 1));
                process.setObject(6, start);
                process.setObject(7, today.plusDays(150));
                process.setObject(8, Instant.ofEpochSecond(windowStart - 20 * DAY).atOffset(ZoneOffset.UTC));
                process.setObject(9, Instant.ofEpochSecond(windowStart - 10 * DAY).atOffset(ZoneOffset.UTC));
                process.executeUpdate();
                long id;
                try (ResultSet keys = process.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                processIds[p] = id;
                if (regional) {
                    regionalProcess = id;
                } else {
                    departementProcess[p - 1] = id;
                }
                Object[][] phases = {{"Propositions et soutiens", start, today.plusDays(60), true, true},
                        {"Réponses de la Région", today.plusDays(61), today.plusDays(150), false, false}};
                for (int i = 0; i < phases.length; i++) {
                    phase.setLong(1, id);
                    phase.setInt(2, i);
                    phase.setString(3, (String) phases[i][0]);
                    phase.setString(4, null);
                    phase.setObject(5, phases[i][1]);
                    phase.setObject(6, phases[i][2]);
                    phase.setBoolean(7, (Boolean) phases[i][3]);
                    phase.setBoolean(8, (Boolean) phases[i][4]);
                    phase.addBatch();
                }
                for (String on : List.of("PROPOSALS", "COMMENTS", "SUPPORTS", "MEETINGS")) {
                    feature.setLong(1, id);
                    feature.setString(2, on);
                    feature.addBatch();
                }
                for (int t = 0; t < Vocabulary.THEMES.size(); t++) {
                    theme.setLong(1, id);
                    theme.setInt(2, t);
                    theme.setString(3, Vocabulary.THEMES.get(t));
                    theme.addBatch();
                }
                for (int d = 0; d < DESTINATIONS.size(); d++) {
                    String[] row = DESTINATIONS.get(d);
                    destination.setLong(1, id);
                    destination.setInt(2, d);
                    destination.setString(3, row[0]);
                    destination.setString(4, "Les propositions orientées ici : " + row[0].toLowerCase() + ".");
                    destination.setString(5, row[2]);
                    destination.setString(6, row[1]);
                    destination.setBoolean(7, row[1].equals("NOT_RETAINED"));
                    destination.executeUpdate();
                    try (ResultSet keys = destination.getGeneratedKeys()) {
                        keys.next();
                        destinationIds[p][d] = keys.getLong(1);
                    }
                }
                setting.setLong(1, id);
                setting.addBatch();
            }
            phase.executeBatch();
            feature.executeBatch();
            theme.executeBatch();
            setting.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    // ---- The plan ----------------------------------------------------------------------------------------------------

    private void plan(Connection connection) throws SQLException {
        SplittableRandom random = new SplittableRandom(options.seed());
        int people = scale.participants;
        accountCommune = new int[people];
        for (int i = 0; i < people; i++) {
            accountCommune[i] = world.commune(random);
        }
        int n = scale.proposals;
        proposalProcess = new byte[n];
        proposalAuthor = new int[n];
        proposalCommune = new int[n];
        proposalTerritory = new long[n];
        proposalTheme = new byte[n];
        proposalStatus = new byte[n];
        proposalTime = new long[n];
        proposalDestination = new byte[n];
        for (int j = 0; j < n; j++) {
            proposalTime[j] = windowStart + (long) (random.nextDouble() * (anchor - windowStart - 3600));
        }
        Arrays.sort(proposalTime);  // ids follow publication order, as they do in the application
        for (int j = 0; j < n; j++) {
            int author = random.nextInt(people);
            int commune = random.nextInt(10) < 7 ? accountCommune[author] : world.commune(random);
            int departement = world.departementOf(commune);
            proposalAuthor[j] = author;
            proposalCommune[j] = commune;
            proposalProcess[j] = (byte) (random.nextInt(100) < 35 ? 0 : 1 + departement);
            int level = random.nextInt(100);
            proposalTerritory[j] = level < 65 ? world.communeIds[commune]
                    : level < 85 ? world.livingAreaIds.get(world.communeLivingArea[commune])
                    : world.departementIds.get(departement);
            proposalTheme[j] = (byte) random.nextInt(Vocabulary.themeCount());
            int status = random.nextInt(100);
            proposalStatus[j] = (byte) (status < 1 ? 2 : status < 4 ? 1 : 0);
            boolean answerable = proposalStatus[j] == 0 && proposalTime[j] < anchor - 90 * DAY;
            proposalDestination[j] = (byte) (answerable && random.nextInt(100) < 8 ? random.nextInt(DESTINATIONS.size()) : -1);
        }
        // Supports and comments follow a Zipf-like law over a random ranking of the published proposals; the most
        // supported are also the most discussed, and a few carry long threads (50 and more comments).
        int[] published = java.util.stream.IntStream.range(0, n).filter(j -> proposalStatus[j] == 0).toArray();
        shuffle(published, random);
        supports = new int[n];
        comments = new int[n];
        distribute(supports, published, scale.supports, 0.8, people - 1, new int[0], random);
        int hot = Math.max(2, n / 2_000);
        int[] hotOnes = Arrays.copyOf(published, Math.min(hot, published.length));
        for (int j : hotOnes) {
            comments[j] = 50 + random.nextInt(70);
        }
        long hotComments = Arrays.stream(hotOnes).mapToLong(j -> comments[j]).sum();
        int[] rest = Arrays.copyOfRange(published, hotOnes.length, published.length);
        distribute(comments, rest, Math.max(0, scale.comments - hotComments), 0.6, 120, hotOnes, random);
        // Reference numbers: per year of publication (Paris time), after those already given.
        for (int j = 0; j < n; j++) {
            if (proposalStatus[j] != 2) {
                lastNumbers.putIfAbsent(year(proposalTime[j]), 0);
            }
        }
        for (Map.Entry<Integer, Integer> year : lastNumbers.entrySet()) {
            year.setValue((int) count(connection, "SELECT COALESCE(MAX(last_number), 0) FROM proposal_reference_counter "
                    + "WHERE ref_year = " + year.getKey()));
        }
    }

    /**
     * Gives {@code total} units to the proposals of {@code ranked}, the one at rank r getting a share proportional to
     * r^-exponent (rounded at random), at most {@code cap} each; what the cap or the rounding leaves out is then given
     * to proposals drawn at random, so that the sum is exactly {@code total}.
     */
    private static void distribute(int[] counts, int[] ranked, long total, double exponent, int cap, int[] keep,
                                   SplittableRandom random) {
        if (ranked.length == 0 || total == 0) {
            return;
        }
        double weights = 0;
        for (int r = 1; r <= ranked.length; r++) {
            weights += Math.pow(r, -exponent);
        }
        long sum = 0;
        for (int r = 1; r <= ranked.length; r++) {
            double share = total * Math.pow(r, -exponent) / weights;
            int count = (int) Math.min(cap, Math.floor(share + random.nextDouble()));
            counts[ranked[r - 1]] = count;
            sum += count;
        }
        long capacity = (long) cap * ranked.length;
        total = Math.min(total, capacity);
        while (sum < total) {
            int j = ranked[random.nextInt(ranked.length)];
            if (counts[j] < cap) {
                counts[j]++;
                sum++;
            }
        }
        while (sum > total) {
            int j = ranked[random.nextInt(ranked.length)];
            if (counts[j] > 0) {
                counts[j]--;
                sum--;
            }
        }
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[k];
            values[k] = swap;
        }
    }

    private static int year(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(PARIS).getYear();
    }

    // ---- Accounts ------------------------------------------------------------------------------------------------

    private Void accounts() throws Exception {
        String hash = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x1111);
        Progress.Task task = progress.start("account", scale.participants + 1L);
        try (Connection connection = open();
             CopyRows rows = CopyRows.open(connection, "account", "id, email, pseudonym, password_hash, commune_id, "
                     + "language, status, notification_frequency, notify_by_email, terms_accepted_at, email_confirmed_at, "
                     + "created_at, version, open_data_name", task)) {
            for (int i = 0; i <= scale.participants; i++) {
                boolean staff = i == scale.participants;
                long created = windowStart - 30 * DAY + (long) (random.nextDouble() * (anchor - windowStart));
                rows.add(firstAccount + i).add(staff ? STAFF_EMAIL : EMAIL_PATTERN.formatted(i + 1))
                        .add(staff ? "Agent du banc d'essai" : Vocabulary.pseudonym(i)).add(hash)
                        .add(staff ? world.communeIds[0] : world.communeIds[accountCommune[i]]).add("fr").add("ACTIVE")
                        .add("DAILY_DIGEST").add(false).time(created).time(created + 600).time(created).add(0L)
                        .add(random.nextInt(10) == 0);
                rows.end();
            }
        }
        progress.finish(task);
        try (Connection connection = open(); PreparedStatement role = connection.prepareStatement(
                "INSERT INTO role_assignment (account_id, role, scope_kind, scope_id, granted_at) VALUES (?, 'STAFF', 'GLOBAL', 0, ?)")) {
            role.setLong(1, staffId);
            role.setObject(2, Instant.ofEpochSecond(windowStart).atOffset(ZoneOffset.UTC));
            role.executeUpdate();
        }
        return null;
    }

    // ---- Proposals -----------------------------------------------------------------------------------------------

    private Void proposals() throws Exception {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x2222);
        Progress.Task task = progress.start("proposal", scale.proposals);
        Map<Integer, Integer> numbers = new TreeMap<>(lastNumbers);
        try (Connection connection = open();
             CopyRows rows = CopyRows.open(connection, "proposal", "id, process_id, author_id, status, reference, title, "
                     + "body, territory_id, theme, created_at, published_at, withdrawn_at, answered_at, supports_count, "
                     + "comment_count, version, provenance", task)) {
            for (int j = 0; j < scale.proposals; j++) {
                String place = world.communeNames[proposalCommune[j]];
                int theme = proposalTheme[j];
                long at = proposalTime[j];
                byte status = proposalStatus[j];
                rows.add(firstProposal + j).add(processIds[proposalProcess[j]]).add(firstAccount + proposalAuthor[j])
                        .add(status == 0 ? "PUBLISHED" : status == 1 ? "WITHDRAWN" : "DRAFT");
                if (status == 2) {
                    rows.nul();
                } else {
                    int year = year(at);
                    int number = numbers.merge(year, 1, Integer::sum);
                    if (number > 999_999) {
                        throw new IllegalStateException("More than 999,999 proposals published in " + year);
                    }
                    rows.add("%04d-%06d".formatted(year, number));
                }
                rows.add(Vocabulary.title(random, theme, place)).add(Vocabulary.body(random, theme, place))
                        .add(proposalTerritory[j]).add(Vocabulary.THEMES.get(theme)).time(at - 600);
                if (status == 2) {
                    rows.nul();
                } else {
                    rows.time(at);
                }
                if (status == 1) {
                    rows.time(at + (long) (random.nextDouble() * (anchor - at)));
                } else {
                    rows.nul();
                }
                if (proposalDestination[j] >= 0) {
                    rows.time(answeredAt(j));
                } else {
                    rows.nul();
                }
                rows.add(supports[j]).add(comments[j]).add(0L).add("ONLINE");
                rows.end();
            }
        }
        lastNumbers.clear();
        lastNumbers.putAll(numbers);
        progress.finish(task);
        return null;
    }

    private long answeredAt(int j) {
        return Math.min(anchor - DAY, proposalTime[j] + 60 * DAY);
    }

    // ---- Supports ------------------------------------------------------------------------------------------------

    private Void supportRows() throws Exception {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x3333);
        int people = scale.participants;
        int[][] perPerson = new int[processIds.length][people];
        long total = Arrays.stream(supports).asLongStream().sum();
        Progress.Task task = progress.start("proposal_support", total);
        try (Connection connection = open();
             CopyRows rows = CopyRows.open(connection, "proposal_support", "proposal_id, account_id, process_id, created_at", task)) {
            for (int j = 0; j < scale.proposals; j++) {
                int wanted = supports[j];
                if (wanted == 0) {
                    continue;
                }
                // start + t * stride (mod people) visits every person once when stride and people are coprime.
                int start = random.nextInt(people);
                int stride = coprimeStride(people, random);
                int process = proposalProcess[j];
                long at = proposalTime[j];
                int given = 0;
                for (long t = 0; given < wanted; t++) {
                    int person = (int) ((start + t * stride) % people);
                    if (person == proposalAuthor[j]) {
                        continue;
                    }
                    perPerson[process][person]++;
                    rows.add(firstProposal + j).add(firstAccount + person).add(processIds[process])
                            .time(at + (long) (random.nextDouble() * (anchor - at)));
                    rows.end();
                    given++;
                }
            }
        }
        progress.finish(task);
        long supporters = Arrays.stream(perPerson).flatMapToInt(Arrays::stream).filter(count -> count > 0).count();
        Progress.Task counts = progress.start("proposal_supporter", supporters);
        try (Connection connection = open();
             CopyRows rows = CopyRows.open(connection, "proposal_supporter", "process_id, account_id, supports", counts)) {
            for (int p = 0; p < processIds.length; p++) {
                for (int person = 0; person < people; person++) {
                    if (perPerson[p][person] > 0) {
                        rows.add(processIds[p]).add(firstAccount + person).add(perPerson[p][person]);
                        rows.end();
                    }
                }
            }
        }
        progress.finish(counts);
        return null;
    }

    private static int coprimeStride(int modulus, SplittableRandom random) {
        if (modulus <= 2) {
            return 1;
        }
        while (true) {
            int stride = 1 + random.nextInt(modulus - 1);
            if (gcd(stride, modulus) == 1) {
                return stride;
            }
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    // ---- Comments ------------------------------------------------------------------------------------------------

    private Void commentRows() throws Exception {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x4444);
        long total = Arrays.stream(comments).asLongStream().sum();
        Progress.Task task = progress.start("resource_comment", total);
        long id = firstComment;
        int[] depth = new int[256];
        long[] times = new long[256];
        try (Connection connection = open();
             CopyRows rows = CopyRows.open(connection, "resource_comment", "id, resource_type, resource_id, parent_id, "
                     + "depth, author_id, stance, body, status, posted_at, version", task)) {
            for (int j = 0; j < scale.proposals; j++) {
                int count = comments[j];
                if (count == 0) {
                    continue;
                }
                if (times.length < count) {
                    times = new long[count];
                    depth = new int[count];
                }
                long at = proposalTime[j];
                for (int c = 0; c < count; c++) {
                    times[c] = at + 60 + (long) (random.nextDouble() * (anchor - at - 60));
                }
                Arrays.sort(times, 0, count);
                String place = world.communeNames[proposalCommune[j]];
                long first = id;
                for (int c = 0; c < count; c++) {
                    int parent = -1;
                    if (c > 0 && random.nextInt(100) < 45) {
                        parent = random.nextInt(c);
                        if (depth[parent] >= 3) {
                            parent = -1;
                        }
                    }
                    depth[c] = parent < 0 ? 0 : depth[parent] + 1;
                    int stance = parent >= 0 ? 2 : random.nextInt(4) == 0 ? 1 : random.nextInt(3) == 0 ? 2 : 0;
                    rows.add(id).add("proposal").add(firstProposal + j);
                    if (parent < 0) {
                        rows.nul();
                    } else {
                        rows.add(first + parent);
                    }
                    int author = parent >= 0 && random.nextInt(4) == 0 ? proposalAuthor[j] : random.nextInt(scale.participants);
                    rows.add(depth[c]).add(firstAccount + author).add(stance == 0 ? "FOR" : stance == 1 ? "AGAINST" : "NEUTRAL")
                            .add(parent >= 0 ? Vocabulary.reply(random) : Vocabulary.comment(random, stance, place))
                            .add("PUBLISHED").time(times[c]).add(0L);
                    rows.end();
                    id++;
                }
            }
        }
        progress.finish(task);
        return null;
    }

    // ---- Meetings and registrations --------------------------------------------------------------------------------

    private void meetings() throws Exception {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5555);
        int count = scale.meetings;
        int people = scale.participants;
        int[] registrations = new int[count];
        int[] capacity = new int[count];      // 0: no limit
        long[] starts = new long[count];
        long[] opens = new long[count];
        double average = (double) scale.registrations / count;
        long sum = 0;
        for (int m = 0; m < count; m++) {
            registrations[m] = Math.min(people, (int) Math.round(average * (0.3 + 1.4 * random.nextDouble())));
            sum += registrations[m];
        }
        while (sum != scale.registrations) {
            int m = random.nextInt(count);
            if (sum < scale.registrations && registrations[m] < people) {
                registrations[m]++;
                sum++;
            } else if (sum > scale.registrations && registrations[m] > 0) {
                registrations[m]--;
                sum--;
            }
        }
        Progress.Task task = progress.start("meeting", count);
        try (Connection connection = open();
             CopyRows rows = CopyRows.open(connection, "meeting", "id, kind, format, title, description, starts_at, ends_at, "
                     + "process_id, territory_id, commune_id, address, online_url, organiser_id, organiser_name, invitation_only, "
                     + "invitation_token, capacity, registration_enabled, registration_opens_at, registration_closes_at, status, "
                     + "sequence, confirmed_count, waiting_count, created_at, updated_at", task)) {
            for (int m = 0; m < count; m++) {
                String kind = KINDS[random.nextInt(KINDS.length)];
                String format = kind.equals("WEBINAR") ? "ONLINE" : random.nextInt(10) == 0 ? "HYBRID" : "IN_PERSON";
                int commune = world.commune(random);
                String place = world.communeNames[commune];
                long day = anchor - 330 * DAY + (long) (random.nextDouble() * 420) * DAY;
                starts[m] = day - Math.floorMod(day, DAY) + 16 * 3600 + random.nextInt(4) * 3600;
                long created = Math.min(starts[m] - 45 * DAY, anchor - 10 * DAY);
                opens[m] = created;
                int registered = registrations[m];
                int shape = random.nextInt(10);
                capacity[m] = shape < 1 ? 0 : shape < 3 && registered > 3 ? registered - 1 - random.nextInt(Math.max(1, registered / 5))
                        : registered + random.nextInt(20) + 1;
                int confirmed = capacity[m] == 0 ? registered : Math.min(registered, capacity[m]);
                rows.add(firstMeeting + m).add(kind).add(format).add(Vocabulary.meetingTitle(random, place))
                        .add("Venez échanger sur les propositions de votre territoire et en imaginer de nouvelles.")
                        .time(starts[m]).time(starts[m] + 2 * 3600).add(regionalProcess)
                        .add(world.livingAreaIds.get(world.communeLivingArea[commune])).add(world.communeIds[commune])
                        .add(format.equals("ONLINE") ? null : "Salle des fêtes, " + place)
                        .add(format.equals("IN_PERSON") ? null : "https://visio." + DOMAIN + "/bench-" + (m + 1))
                        .add(staffId).add("Région Centre-Val de Loire").add(false)
                        .add(hex("invitation", m).substring(0, 32));
                if (capacity[m] == 0) {
                    rows.nul();
                } else {
                    rows.add(capacity[m]);
                }
                rows.add(true).time(opens[m]).time(starts[m]).add("PUBLISHED").add(0L).add(confirmed)
                        .add(registered - confirmed).time(created).time(created);
                rows.end();
            }
        }
        progress.finish(task);
        Progress.Task registering = progress.start("meeting_registration", scale.registrations);
        long codeMultiplier = 0x9E3779B1L;
        long codeSpace = (long) Math.pow(CODE_ALPHABET.length(), 8);
        long codeOffset = Math.floorMod(options.seed() * 1_000_003L, codeSpace);
        long index = 0;
        try (Connection connection = open();
             CopyRows rows = CopyRows.open(connection, "meeting_registration", "meeting_id, account_id, name, email, email_key, "
                     + "language, code, status, created_at, queued_at, confirmed_at, cancel_token_hash", registering)) {
            for (int m = 0; m < count; m++) {
                int start = random.nextInt(people);
                int stride = coprimeStride(people, random);
                long until = Math.min(starts[m], anchor) - 60;
                long[] times = new long[registrations[m]];
                for (int r = 0; r < times.length; r++) {
                    times[r] = opens[m] + (long) (random.nextDouble() * Math.max(60, until - opens[m]));
                }
                Arrays.sort(times);
                for (int r = 0; r < registrations[m]; r++) {
                    int person = (int) ((start + (long) r * stride) % people);
                    boolean confirmed = capacity[m] == 0 || r < capacity[m];
                    String email = EMAIL_PATTERN.formatted(person + 1);
                    rows.add(firstMeeting + m).add(firstAccount + person).add(Vocabulary.pseudonym(person)).add(email)
                            .add(email).add("fr").add(code(Math.floorMod(index * codeMultiplier + codeOffset, codeSpace)))
                            .add(confirmed ? "CONFIRMED" : "WAITING").time(times[r]).time(times[r]);
                    if (confirmed) {
                        rows.time(times[r]);
                    } else {
                        rows.nul();
                    }
                    rows.add(hex("cancel", index));
                    rows.end();
                    index++;
                }
            }
        }
        progress.finish(registering);
    }

    private static String code(long value) {
        char[] code = new char[8];
        for (int i = 7; i >= 0; i--) {
            code[i] = CODE_ALPHABET.charAt((int) (value % CODE_ALPHABET.length()));
            value /= CODE_ALPHABET.length();
        }
        return new String(code);
    }

    private String hex(String purpose, long index) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((purpose + ':' + options.seed() + ':' + index).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Answers -------------------------------------------------------------------------------------------------

    private void evaluations() throws Exception {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x6666);
        long answered = 0;
        for (byte destination : proposalDestination) {
            answered += destination >= 0 ? 1 : 0;
        }
        Progress.Task task = progress.start("evaluation", answered);
        try (Connection connection = open();
             CopyRows rows = CopyRows.open(connection, "evaluation", "proposal_id, process_id, state, assignee_id, assigned_at, "
                     + "destination_id, answer_text, reason, proposed_by, proposed_at, validated_by, validated_at, published_at, "
                     + "version", task)) {
            for (int j = 0; j < scale.proposals; j++) {
                int destination = proposalDestination[j];
                if (destination < 0) {
                    continue;
                }
                long published = answeredAt(j);
                long assigned = proposalTime[j] + (published - proposalTime[j]) / 4;
                String[] row = DESTINATIONS.get(destination);
                rows.add(firstProposal + j).add(processIds[proposalProcess[j]]).add("PUBLISHED").add(staffId).time(assigned)
                        .add(destinationIds[proposalProcess[j]][destination]).add(Vocabulary.answer(random, row[0]))
                        .add(row[1].equals("NOT_RETAINED") ? "Cette proposition ne relève pas des compétences de la Région." : null)
                        .add(staffId).time(assigned + (published - assigned) / 3).add(staffId)
                        .time(assigned + 2 * (published - assigned) / 3).time(published).add(0L);
                rows.end();
            }
        }
        progress.finish(task);
    }

    // ---- Afterwards ------------------------------------------------------------------------------------------------

    private void finish(Connection connection) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("account", "proposal", "proposal_support", "resource_comment", "meeting",
                    "meeting_registration", "evaluation", "destination", "participatory_process", "role_assignment")) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "(SELECT COALESCE(MAX(id), 0) + 1 FROM " + table + "), false)");
            }
            for (Map.Entry<Integer, Integer> year : lastNumbers.entrySet()) {
                statement.execute("INSERT INTO proposal_reference_counter (ref_year, last_number) VALUES (" + year.getKey()
                        + ", " + year.getValue() + ") ON CONFLICT (ref_year) DO UPDATE SET last_number = "
                        + "GREATEST(proposal_reference_counter.last_number, EXCLUDED.last_number)");
            }
            statement.execute("ANALYZE");
        }
        out.println("  sequences, reference counters and ANALYZE: " + Progress.format(Duration.ofNanos(System.nanoTime() - started)));
    }

    List<Long> processIds() {
        List<Long> ids = new ArrayList<>();
        for (long id : processIds) {
            ids.add(id);
        }
        return ids;
    }
}
