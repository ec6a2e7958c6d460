package org.agora.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.shared.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.agora.meetings.Meetings.instant;
import static org.agora.meetings.Meetings.timestamp;

/**
 * The satisfaction survey: sent once to each person marked present who left an e-mail, two hours after the meeting
 * ends (or at once when staff ask), answered through a personal link without an account, once; and its results.
 * Levels go from 1 (not at all satisfied) to 4 (very satisfied).
 */
@Service
class Surveys {

    static final Duration AFTER_END = Duration.ofHours(2);
    /** Older meetings are not surveyed any more: a late answer says little. */
    static final Duration AT_MOST_AFTER_END = Duration.ofDays(30);
    static final int LEVELS = 4;
    static final int COMMENT_LENGTH = 2000;

    record Aspect(long id, String label) {
    }

    /** Whom a survey link belongs to. */
    record Invitation(long attendanceId, long meetingId, String meetingTitle, String name, boolean answered) {
    }

    record Level(int level, int count, int percent) {
    }

    record Distribution(List<Level> levels, int total) {

        static Distribution of(Map<Integer, Integer> counts) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            List<Level> levels = new ArrayList<>();
            for (int level = LEVELS; level >= 1; level--) {
                int count = counts.getOrDefault(level, 0);
                levels.add(new Level(level, count, percent(count, total)));
            }
            return new Distribution(levels, total);
        }
    }

    record AspectResult(String label, Distribution distribution) {
    }

    record Comment(String meetingTitle, String text, Instant answeredAt) {
    }

    /** Results of one meeting or several: answers among the people surveyed, each question's distribution. */
    record Results(int surveyed, int answers, Distribution overall, List<AspectResult> aspects, List<Comment> comments) {

        public Integer responseRatePercent() {
            return surveyed == 0 ? null : percent(answers, surveyed);
        }

        public int verySatisfied() {
            return overall.levels().get(0).count();
        }

        public Integer verySatisfiedPercent() {
            return answers == 0 ? null : percent(verySatisfied(), answers);
        }

        MeetingSatisfaction satisfaction() {
            return new MeetingSatisfaction(surveyed, answers, verySatisfied());
        }
    }

    private final Meetings meetings;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final MeetingLinks links;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Surveys(Meetings meetings, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, MessageSource messages,
            MeetingLinks links, Clock clock, PlatformTransactionManager transactionManager) {
        this.meetings = meetings;
        this.jdbc = jdbc;
        this.events = events;
        this.messages = messages;
        this.links = links;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    static int percent(int count, int total) {
        return total == 0 ? 0 : (int) Math.round(count * 100.0 / total);
    }

    // ---- Sending ---------------------------------------------------------------------------------------------------

    /** The job: every node runs it; the claim on each row lets only one of them send each survey. */
    @Scheduled(fixedDelayString = "${agora.meetings.survey-poll:PT5M}",
            initialDelayString = "${agora.meetings.survey-initial-delay:PT1M}")
    void sendDueSurveys() {
        sendDue();
    }

    /** Sends the surveys of meetings that ended at least two hours ago; returns how many were sent. */
    int sendDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("SELECT DISTINCT m.id FROM meeting m JOIN meeting_attendance a ON "
                + "a.meeting_id = m.id WHERE m.status = 'PUBLISHED' AND m.ends_at <= :until AND m.ends_at > :since "
                + "AND a.present = TRUE AND a.email IS NOT NULL AND a.survey_sent_at IS NULL", new MapSqlParameterSource(
                "until", timestamp(now.minus(AFTER_END))).addValue("since", timestamp(now.minus(AT_MOST_AFTER_END))),
                Long.class);
        return due.stream().mapToInt(this::send).sum();
    }

    /** Staff send a meeting's survey now, once it has begun; people already sent it are not sent it again. */
    int sendNow(AgoraUser user, long meetingId) {
        Meeting meeting = meetings.find(meetingId).orElseThrow(MeetingRefused::notFound);
        if (!MeetingManagement.isStaff(user)) {
            throw MeetingRefused.forbidden();
        }
        if (meeting.startsAt().isAfter(clock.instant()) || meeting.status() != MeetingStatus.PUBLISHED) {
            throw MeetingRefused.conflict("meetings.survey.refused.not-begun");
        }
        return send(meetingId);
    }

    /**
     * In one transaction per meeting: the default aspects when staff set none, then each person present with an
     * e-mail whose row this node claims (UPDATE ... WHERE survey_sent_at IS NULL) gets a mail with a fresh link.
     */
    int send(long meetingId) {
        Integer sent = transactions.execute(status -> {
            Meeting meeting = meetings.lock(meetingId).orElseThrow();
            List<Aspect> aspects = aspects(meetingId);
            if (aspects.isEmpty() && !surveySent(meetingId)) {
                defaultAspects().forEach(label -> insertAspect(meetingId, label));
            }
            Instant now = clock.instant();
            int count = 0;
            for (var person : jdbc.queryForList("SELECT id, name, email, language FROM meeting_attendance WHERE "
                    + "meeting_id = :meeting AND present = TRUE AND email IS NOT NULL AND survey_sent_at IS NULL",
                    new MapSqlParameterSource("meeting", meetingId))) {
                String token = Tokens.newToken();
                if (jdbc.update("UPDATE meeting_attendance SET survey_sent_at = :now, survey_token_hash = :hash "
                        + "WHERE id = :id AND survey_sent_at IS NULL", new MapSqlParameterSource("now", timestamp(now))
                        .addValue("hash", Tokens.hash(token)).addValue("id", person.get("id"))) == 1) {
                    mail(meeting, (String) person.get("name"), (String) person.get("email"), (String) person.get("language"), token);
                    count++;
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private void mail(Meeting meeting, String name, String email, String language, String token) {
        Locale locale = Locale.forLanguageTag(language);
        String when = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(meeting.startsInParis());
        String link = links.url("/meetings/survey?token=" + token);
        String greeting = messages.getMessage("meetings.mail.greeting", new Object[] {name}, locale);
        String body = messages.getMessage("meetings.mail.survey.body", new Object[] {meeting.title(), when}, locale);
        String label = messages.getMessage("meetings.mail.survey.link", null, locale);
        String text = greeting + "\n\n" + body + "\n\n" + label + " " + link + "\n";
        String html = "<p>" + HtmlUtils.htmlEscape(greeting) + "</p><p>" + HtmlUtils.htmlEscape(body) + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(label) + "</a></p>";
        events.publishEvent(new MailRequested(null, email, language, "meeting-survey",
                messages.getMessage("meetings.mail.subject.survey", new Object[] {meeting.title()}, locale),
                text, html, List.of(), null));
    }

    boolean surveySent(long meetingId) {
        Integer sent = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = :meeting AND "
                + "survey_sent_at IS NOT NULL", new MapSqlParameterSource("meeting", meetingId), Integer.class);
        return sent != null && sent > 0;
    }

    // ---- Aspects ---------------------------------------------------------------------------------------------------

    List<Aspect> aspects(long meetingId) {
        return jdbc.query("SELECT id, label FROM meeting_survey_aspect WHERE meeting_id = :meeting ORDER BY position, id",
                new MapSqlParameterSource("meeting", meetingId), (rs, row) -> new Aspect(rs.getLong(1), rs.getString(2)));
    }

    /** The aspects asked when staff set none, in the instance's language (French). */
    List<String> defaultAspects() {
        return List.of(messages.getMessage("meetings.survey.aspects.default", null, Locale.FRENCH).split("\\|"));
    }

    /** Staff change the aspects until the survey is sent; afterwards the answers must keep their questions. */
    @Transactional
    void addAspect(AgoraUser user, long meetingId, String label) {
        requireEditable(user, meetingId);
        insertAspect(meetingId, label);
    }

    @Transactional
    void removeAspect(AgoraUser user, long meetingId, long aspectId) {
        requireEditable(user, meetingId);
        jdbc.update("DELETE FROM meeting_survey_aspect WHERE id = :id AND meeting_id = :meeting",
                new MapSqlParameterSource("id", aspectId).addValue("meeting", meetingId));
    }

    static Optional<String> aspectProblem(String label) {
        return label == null || label.isBlank() || label.strip().length() > 200
                ? Optional.of("meetings.survey.aspect.length") : Optional.empty();
    }

    private void requireEditable(AgoraUser user, long meetingId) {
        meetings.lock(meetingId).orElseThrow(MeetingRefused::notFound);
        if (!MeetingManagement.isStaff(user)) {
            throw MeetingRefused.forbidden();
        }
        if (surveySent(meetingId)) {
            throw MeetingRefused.conflict("meetings.survey.refused.sent");
        }
    }

    private void insertAspect(long meetingId, String label) {
        jdbc.update("INSERT INTO meeting_survey_aspect (meeting_id, position, label) VALUES (:meeting, (SELECT "
                + "COALESCE(MAX(position), 0) + 1 FROM meeting_survey_aspect WHERE meeting_id = :meeting), :label)",
                new MapSqlParameterSource("meeting", meetingId).addValue("label", label.strip()));
    }

    // ---- Answering -------------------------------------------------------------------------------------------------

    Optional<Invitation> invitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("SELECT a.id, a.meeting_id, m.title, a.name, (SELECT COUNT(*) FROM meeting_survey_answer s "
                + "WHERE s.attendance_id = a.id) AS answered FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id "
                + "WHERE a.survey_token_hash = :hash", new MapSqlParameterSource("hash", Tokens.hash(token)),
                (rs, row) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5) > 0))
                .stream().findFirst();
    }

    /** Checks the raw answer (overall level required, aspects optional, comment at most 2,000 characters). */
    static Map<String, String> check(String overall, Map<Long, String> aspectLevels, List<Aspect> aspects, String comment) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (level(overall) == null) {
            problems.put("overall", "meetings.survey.overall.required");
        }
        for (Aspect aspect : aspects) {
            String given = aspectLevels.get(aspect.id());
            if (given != null && !given.isBlank() && level(given) == null) {
                problems.put("aspect-" + aspect.id(), "meetings.survey.level.invalid");
            }
        }
        if (comment != null && comment.strip().length() > COMMENT_LENGTH) {
            problems.put("comment", "meetings.survey.comment.length");
        }
        return problems;
    }

    static Integer level(String value) {
        if (value == null || !value.matches("[1-4]")) {
            return null;
        }
        return Integer.parseInt(value);
    }

    /**
     * Records the answer of the link's holder; false when they had already answered (the first answer stands: one
     * answer per person, kept by a unique constraint).
     */
    @Transactional
    boolean answer(Invitation invitation, int overall, Map<Long, Integer> aspectLevels, String comment) {
        if (invitation.answered()) {
            return false;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update("INSERT INTO meeting_survey_answer (attendance_id, meeting_id, overall, comment, answered_at) "
                    + "VALUES (:attendance, :meeting, :overall, :comment, :now)", new MapSqlParameterSource("attendance",
                    invitation.attendanceId()).addValue("meeting", invitation.meetingId()).addValue("overall", overall)
                    .addValue("comment", comment == null || comment.isBlank() ? null : comment.strip())
                    .addValue("now", timestamp(clock.instant())), key, new String[] {"id"});
        } catch (DuplicateKeyException answeredMeanwhile) {
            return false;
        }
        long answerId = key.getKey().longValue();
        List<Long> asked = aspects(invitation.meetingId()).stream().map(Aspect::id).toList();
        aspectLevels.forEach((aspect, level) -> {
            if (asked.contains(aspect)) {
                jdbc.update("INSERT INTO meeting_survey_rating (answer_id, aspect_id, level) VALUES (:answer, :aspect, :level)",
                        new MapSqlParameterSource("answer", answerId).addValue("aspect", aspect).addValue("level", level));
            }
        });
        return true;
    }

    // ---- Results ---------------------------------------------------------------------------------------------------

    Results ofMeeting(long meetingId) {
        return results(MeetingSelection.meeting(meetingId));
    }

    Results results(MeetingSelection selection) {
        String condition = selection.condition();
        MapSqlParameterSource params = selection.params();
        Integer surveyed = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_attendance a JOIN meeting m ON m.id = "
                + "a.meeting_id WHERE a.survey_sent_at IS NOT NULL AND " + condition, params, Integer.class);
        Map<Integer, Integer> overall = new LinkedHashMap<>();
        jdbc.query("SELECT s.overall, COUNT(*) FROM meeting_survey_answer s JOIN meeting m ON m.id = s.meeting_id WHERE "
                + condition + " GROUP BY s.overall", params, rs -> {
                    overall.put(rs.getInt(1), rs.getInt(2));
                });
        Map<String, Map<Integer, Integer>> byAspect = new LinkedHashMap<>();
        jdbc.query("SELECT x.label, r.level, COUNT(*) FROM meeting_survey_rating r JOIN meeting_survey_aspect x ON "
                + "x.id = r.aspect_id JOIN meeting m ON m.id = x.meeting_id WHERE " + condition + " GROUP BY x.label, "
                + "r.level ORDER BY MIN(x.position), x.label, r.level", params, rs -> {
                    byAspect.computeIfAbsent(rs.getString(1), label -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getInt(3));
                });
        List<Comment> comments = jdbc.query("SELECT m.title, s.comment, s.answered_at FROM meeting_survey_answer s "
                + "JOIN meeting m ON m.id = s.meeting_id WHERE s.comment IS NOT NULL AND " + condition
                + " ORDER BY s.answered_at, s.id", params,
                (rs, row) -> new Comment(rs.getString(1), rs.getString(2), instant(rs, "answered_at")));
        Distribution distribution = Distribution.of(overall);
        return new Results(surveyed == null ? 0 : surveyed, distribution.total(), distribution,
                byAspect.entrySet().stream().map(entry -> new AspectResult(entry.getKey(), Distribution.of(entry.getValue())))
                        .toList(), comments);
    }
}
