package org.agora.accountability;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.ProposalId;
import org.agora.proposals.PublicProposal;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposals of a process as CSV, for spreadsheets: UTF-8 with a byte order mark (so that Excel reads the accents),
 * fields separated by « ; » (what French spreadsheets expect), CRLF line ends and RFC 4180 quoting. A cell starting
 * with = + - @ (or a tab or carriage return) is prefixed with ' so that no spreadsheet runs it as a formula.
 * The public version has no personal data at all, not even the author's pseudonym (a pseudonym often names someone,
 * and the public page of each proposal already shows it where its author chose to publish): the reference leads to it.
 * It has only published answers and leaves out proposals hidden by moderation. The staff version adds the author's
 * pseudonym and email, the evaluation state, the assignee, the answer proposed but not yet published and whether
 * moderation hides the proposal.
 */
@Service
@Transactional(readOnly = true)
class ProposalExport {

    static final char SEPARATOR = ';';
    static final String BOM = "\uFEFF";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final List<String> PUBLIC_COLUMNS = List.of("référence", "titre", "statut", "destination", "réponse",
            "territoire", "code du territoire", "thème", "soutiens", "commentaires", "publiée le", "réponse publiée le");
    private static final List<String> STAFF_COLUMNS = List.of("auteur ou autrice", "e-mail", "état de l'évaluation",
            "évaluateur ou évaluatrice", "réponse proposée (non publiée)", "masquée par la modération");

    private final Breakdown breakdown;
    private final Destinations destinations;
    private final ProposalCatalog proposals;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;

    ProposalExport(Breakdown breakdown, Destinations destinations, ProposalCatalog proposals,
                   TerritoryDirectory territories, AccountManagement accounts) {
        this.breakdown = breakdown;
        this.destinations = destinations;
        this.proposals = proposals;
        this.territories = territories;
        this.accounts = accounts;
    }

    String publicCsv(ProcessSettings process, String language) {
        return csv(process, language, false);
    }

    String staffCsv(ProcessSettings process, String language) {
        return csv(process, language, true);
    }

    private String csv(ProcessSettings process, String language, boolean staff) {
        List<Breakdown.Counted> rows = breakdown.counted(process, staff);
        Map<Long, String> destinationLabels = new HashMap<>();
        destinations.findByProcessIdOrderByPosition(process.id().value())
                .forEach(d -> destinationLabels.put(d.getId(), d.label(language)));
        Map<ProposalId, ProposalCatalog.Figures> figures = proposals.figures(process.id());
        Map<Long, Optional<TerritoryView>> places = new HashMap<>();
        Map<AccountId, AccountManagement.NotificationContact> contacts = staff ? contacts(rows) : Map.of();

        StringBuilder csv = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(PUBLIC_COLUMNS);
        if (staff) {
            header.addAll(STAFF_COLUMNS);
        }
        line(csv, header);
        for (Breakdown.Counted row : rows) {
            PublicProposal proposal = row.proposal();
            Evaluation evaluation = row.evaluation();
            boolean published = row.published();
            Optional<TerritoryView> place = places.computeIfAbsent(proposal.territoryId(), territories::find);
            ProposalCatalog.Figures counts = figures.getOrDefault(proposal.id(), new ProposalCatalog.Figures(0, 0));
            List<String> cells = new ArrayList<>(List.of(proposal.reference(), proposal.title(),
                    proposal.withdrawn() ? "retirée" : published ? "répondue" : evaluation != null ? "en cours d'examen" : "publiée",
                    published ? destinationLabels.getOrDefault(evaluation.getDestinationId(), "") : "",
                    published ? nonNull(evaluation.getAnswerText()) : "",
                    place.map(TerritoryView::name).orElse(""), place.map(TerritoryView::code).orElse(""),
                    nonNull(proposal.theme()), Integer.toString(counts.supports()), Integer.toString(counts.comments()),
                    date(proposal.publishedAt()), published ? date(evaluation.getPublishedAt()) : ""));
            if (staff) {
                var author = contacts.get(proposal.author());
                var assignee = evaluation == null ? null : contacts.get(new AccountId(evaluation.getAssigneeId()));
                cells.addAll(List.of(author == null ? "" : nonNull(author.pseudonym()), author == null ? "" : nonNull(author.email()),
                        evaluation == null ? "" : evaluation.getState().name(),
                        assignee == null ? "" : nonNull(assignee.pseudonym()),
                        evaluation != null && !published ? nonNull(evaluation.getAnswerText()) : "",
                        proposal.hidden() ? "oui" : "non"));
            }
            line(csv, cells);
        }
        return csv.toString();
    }

    private Map<AccountId, AccountManagement.NotificationContact> contacts(List<Breakdown.Counted> rows) {
        Set<AccountId> people = new HashSet<>();
        for (Breakdown.Counted row : rows) {
            people.add(row.proposal().author());
            if (row.evaluation() != null) {
                people.add(new AccountId(row.evaluation().getAssigneeId()));
            }
        }
        return accounts.notificationContacts(people);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int index = 0; index < cells.size(); index++) {
            if (index > 0) {
                csv.append(SEPARATOR);
            }
            csv.append(cell(cells.get(index)));
        }
        csv.append("\r\n");
    }

    /** One field: neutralised when a spreadsheet would read it as a formula, quoted when it holds ; " or a line end. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(SEPARATOR) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(Clocks.PARIS));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
