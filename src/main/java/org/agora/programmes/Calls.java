package org.agora.programmes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.agora.accounts.AgoraUser;
import org.agora.territories.TerritoryDirectory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The calls, their forms and their criteria grids: staff set them up, everyone reads them. */
@Service
class Calls {

    /** The default grid: innovation, reproducibility, participation aimed at, feasibility, territorial reach. */
    static final List<String[]> DEFAULT_CRITERIA = List.of(
            new String[] {"innovation", "Innovation"},
            new String[] {"reproducibility", "Reproductibilité"},
            new String[] {"participation", "Participation citoyenne visée (consultation, concertation, expression)"},
            new String[] {"feasibility", "Faisabilité"},
            new String[] {"reach", "Rayonnement territorial"});

    static final int MAX_FIELDS = 40;

    private final NamedParameterJdbcTemplate jdbc;
    private final TerritoryDirectory territories;
    private final Clock clock;

    Calls(NamedParameterJdbcTemplate jdbc, TerritoryDirectory territories, Clock clock) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    private static Call call(ResultSet rs, int row) throws SQLException {
        Set<ApplicantKind> eligible = EnumSet.noneOf(ApplicantKind.class);
        Arrays.stream(rs.getString("eligible_kinds").split(",")).filter(name -> !name.isBlank())
                .forEach(name -> eligible.add(ApplicantKind.valueOf(name)));
        return new Call(rs.getLong("id"), CallKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("description"), rs.getLong("territory_id"), eligible, Rows.instant(rs, "opens_at"),
                Rows.instant(rs, "closes_at"), rs.getString("required_documents").lines()
                .filter(line -> !line.isBlank()).toList(), rs.getInt("selections"), rs.getInt("grant_rate_percent"),
                rs.getLong("grant_cap_cents"), rs.getInt("accompaniment_days"));
    }

    Optional<Call> find(long id) {
        return jdbc.query("SELECT * FROM programme_call WHERE id = :id", Map.of("id", id), Calls::call).stream().findFirst();
    }

    Call require(long id) {
        return find(id).orElseThrow(ProgrammeRefused::notFound);
    }

    /** Every call, the most recent opening first. */
    List<Call> all() {
        return jdbc.query("SELECT * FROM programme_call ORDER BY opens_at DESC, id DESC", Map.of(), Calls::call);
    }

    List<Call> openNow() {
        Instant now = now();
        return all().stream().filter(call -> call.openAt(now)).sorted((a, b) -> a.closesAt().compareTo(b.closesAt())).toList();
    }

    List<Call> past() {
        Instant now = now();
        return all().stream().filter(call -> call.closedAt(now)).toList();
    }

    List<Call> upcoming() {
        Instant now = now();
        return all().stream().filter(call -> now.isBefore(call.opensAt())).toList();
    }

    List<CallField> fields(long callId) {
        return jdbc.query("SELECT * FROM programme_call_field WHERE call_id = :call ORDER BY position, id",
                Map.of("call", callId), (rs, row) -> new CallField(rs.getLong("id"), rs.getLong("call_id"),
                        rs.getInt("position"), FieldKind.valueOf(rs.getString("kind")), rs.getString("label"),
                        rs.getString("help"), rs.getBoolean("required"), rs.getString("choices").lines()
                        .map(String::strip).filter(line -> !line.isEmpty()).toList()));
    }

    List<Criterion> criteria(long callId) {
        return jdbc.query("SELECT * FROM programme_criterion WHERE call_id = :call ORDER BY position, id",
                Map.of("call", callId), (rs, row) -> new Criterion(rs.getLong("id"), rs.getLong("call_id"),
                        rs.getInt("position"), rs.getString("code"), rs.getString("label"), rs.getInt("weight")));
    }

    /** Problems of the form beyond its own: the territory must exist. */
    Map<String, String> problems(CallForm form) {
        Map<String, String> problems = new LinkedHashMap<>(form.problems());
        if (form.territoryId() != null && territories.find(form.territoryId()).isEmpty()) {
            problems.put("territoryId", "programmes.call.error.territory");
        }
        return problems;
    }

    private static MapSqlParameterSource params(CallForm.Checked call) {
        return new MapSqlParameterSource("kind", call.kind().name()).addValue("title", call.title())
                .addValue("description", call.description()).addValue("territory", call.territoryId())
                .addValue("eligible", call.eligible().stream().map(Enum::name).collect(Collectors.joining(",")))
                .addValue("opens", Rows.timestamp(call.opensAt())).addValue("closes", Rows.timestamp(call.closesAt()))
                .addValue("documents", String.join("\n", call.requiredDocuments()))
                .addValue("selections", call.selections()).addValue("rate", call.ratePercent())
                .addValue("cap", call.capCents()).addValue("days", call.days());
    }

    /** Creates a call with the default criteria grid (all weights 1). */
    @Transactional
    long create(AgoraUser user, CallForm.Checked call) {
        Rows.requireStaff(user);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO programme_call (kind, title, description, territory_id, eligible_kinds, opens_at, "
                + "closes_at, required_documents, selections, grant_rate_percent, grant_cap_cents, accompaniment_days, "
                + "created_by, created_at, updated_at) VALUES (:kind, :title, :description, :territory, :eligible, "
                + ":opens, :closes, :documents, :selections, :rate, :cap, :days, :by, :now, :now)",
                params(call).addValue("by", user.id().value()).addValue("now", Rows.timestamp(now())), key,
                new String[] {"id"});
        long id = key.getKey().longValue();
        int position = 0;
        for (String[] criterion : DEFAULT_CRITERIA) {
            jdbc.update("INSERT INTO programme_criterion (call_id, position, code, label, weight) VALUES (:call, :position, "
                    + ":code, :label, 1)", new MapSqlParameterSource("call", id).addValue("position", ++position)
                    .addValue("code", criterion[0]).addValue("label", criterion[1]));
        }
        return id;
    }

    @Transactional
    void update(AgoraUser user, long id, CallForm.Checked call) {
        Rows.requireStaff(user);
        require(id);
        jdbc.update("UPDATE programme_call SET kind = :kind, title = :title, description = :description, territory_id = "
                + ":territory, eligible_kinds = :eligible, opens_at = :opens, closes_at = :closes, required_documents = "
                + ":documents, selections = :selections, grant_rate_percent = :rate, grant_cap_cents = :cap, "
                + "accompaniment_days = :days, updated_at = :now WHERE id = :id",
                params(call).addValue("id", id).addValue("now", Rows.timestamp(now())));
    }

    /** A new question for the form; the message key of the problem when refused. */
    @Transactional
    Optional<Map<String, String>> addField(AgoraUser user, long callId, String kind, String label, String help,
                                           boolean required, String choices) {
        Rows.requireStaff(user);
        require(callId);
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<FieldKind> fieldKind = Arrays.stream(FieldKind.values()).filter(value -> value.name().equals(kind))
                .findFirst();
        if (fieldKind.isEmpty()) {
            problems.put("fieldKind", "programmes.call.field.error.kind");
        }
        if (Rows.strip(label).isEmpty() || Rows.strip(label).length() > 200) {
            problems.put("fieldLabel", "programmes.call.field.error.label");
        }
        if (Rows.strip(help).length() > 500) {
            problems.put("fieldHelp", "programmes.call.field.error.help");
        }
        List<String> options = Rows.strip(choices).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (fieldKind.orElse(null) == FieldKind.CHOICE && (options.size() < 2 || Rows.strip(choices).length() > 2000)) {
            problems.put("fieldChoices", "programmes.call.field.error.choices");
        }
        if (fields(callId).size() >= MAX_FIELDS) {
            problems.put("fieldLabel", "programmes.call.field.error.count");
        }
        if (!problems.isEmpty()) {
            return Optional.of(problems);
        }
        Integer last = jdbc.queryForObject("SELECT MAX(position) FROM programme_call_field WHERE call_id = :call",
                Map.of("call", callId), Integer.class);
        jdbc.update("INSERT INTO programme_call_field (call_id, position, kind, label, help, required, choices) VALUES "
                + "(:call, :position, :kind, :label, :help, :required, :choices)", new MapSqlParameterSource("call", callId)
                .addValue("position", last == null ? 1 : last + 1).addValue("kind", fieldKind.get().name())
                .addValue("label", Rows.strip(label)).addValue("help", Rows.strip(help)).addValue("required", required)
                .addValue("choices", fieldKind.get() == FieldKind.CHOICE ? String.join("\n", options) : ""));
        return Optional.empty();
    }

    /** Removes a question that no application has answered yet (answers are never lost). */
    @Transactional
    void removeField(AgoraUser user, long callId, long fieldId) {
        Rows.requireStaff(user);
        Integer answers = jdbc.queryForObject("SELECT COUNT(*) FROM programme_answer WHERE field_id = :field",
                Map.of("field", fieldId), Integer.class);
        Integer files = jdbc.queryForObject("SELECT COUNT(*) FROM programme_file WHERE slot = :slot",
                Map.of("slot", "field-" + fieldId), Integer.class);
        if (answers + files > 0) {
            throw ProgrammeRefused.conflict("programmes.call.field.refused.answered");
        }
        jdbc.update("DELETE FROM programme_call_field WHERE id = :id AND call_id = :call",
                Map.of("id", fieldId, "call", callId));
    }

    /** Moves a question one place up (swaps it with the one before). */
    @Transactional
    void moveFieldUp(AgoraUser user, long callId, long fieldId) {
        Rows.requireStaff(user);
        List<CallField> fields = fields(callId);
        for (int i = 1; i < fields.size(); i++) {
            if (fields.get(i).id() == fieldId) {
                CallField before = fields.get(i - 1);
                setPosition(fieldId, i);
                setPosition(before.id(), i + 1);
                for (int j = 0; j < fields.size(); j++) {
                    if (j != i && j != i - 1) {
                        setPosition(fields.get(j).id(), j + 1);
                    }
                }
                return;
            }
        }
    }

    private void setPosition(long fieldId, int position) {
        jdbc.update("UPDATE programme_call_field SET position = :position WHERE id = :id",
                Map.of("position", position, "id", fieldId));
    }

    /** New weights (0 to 10) by criterion id; false when one is out of range (nothing changed then). */
    @Transactional
    boolean weigh(AgoraUser user, long callId, Map<Long, String> weights) {
        Rows.requireStaff(user);
        List<Criterion> criteria = criteria(callId);
        Map<Long, Integer> checked = new LinkedHashMap<>();
        for (Criterion criterion : criteria) {
            String typed = Rows.strip(weights.get(criterion.id()));
            if (!typed.matches("\\d{1,2}") || Integer.parseInt(typed) > 10) {
                return false;
            }
            checked.put(criterion.id(), Integer.parseInt(typed));
        }
        if (checked.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            return false;
        }
        checked.forEach((id, weight) -> jdbc.update("UPDATE programme_criterion SET weight = :weight WHERE id = :id "
                + "AND call_id = :call", Map.of("weight", weight, "id", id, "call", callId)));
        return true;
    }
}
