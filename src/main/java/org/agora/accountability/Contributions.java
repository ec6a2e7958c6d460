package org.agora.accountability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.ProposalId;
import org.agora.proposals.PublicProposal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between proposals and what they fed (a charter article, a work programme, an immediate measure, a
 * transmission, a referral): at most one per proposal and target, enforced by the database.
 */
@Service
class Contributions implements ContributionCatalog {

    /** Who may use the staff pages of the charter and strategy. */
    static final String STAFF = "hasAnyRole('STAFF', 'ADMINISTRATOR')";

    private final JdbcClient jdbc;
    private final ProposalCatalog proposals;

    Contributions(JdbcClient jdbc, ProposalCatalog proposals) {
        this.jdbc = jdbc;
        this.proposals = proposals;
    }

    /** Links the public proposal with this reference to the target. */
    @Transactional
    void link(ContributionKind kind, long target, String reference) {
        String wanted = reference == null ? "" : reference.strip();
        if (wanted.isEmpty()) {
            throw CharterInvalid.of("reference", "accountability.charter.error.required");
        }
        PublicProposal proposal = proposals.allPublic().stream()
                .filter(candidate -> candidate.reference().equalsIgnoreCase(wanted) && !candidate.hidden())
                .findFirst()
                .orElseThrow(() -> CharterInvalid.of("reference", "accountability.charter.error.unknownProposal"));
        link(kind, target, proposal.id());
    }

    /** The ids of every target of this kind, oldest first. */
    List<Long> targets(ContributionKind kind) {
        return jdbc.sql("SELECT id FROM " + kind.table() + " ORDER BY id").query(Long.class).list();
    }

    boolean exists(ContributionKind kind, long target) {
        return jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " WHERE id = ?").param(target).query(Integer.class).single() > 0;
    }

    /**
     * Links the proposal to the target unless it already is (a published answer naming a target staff linked by hand)
     * or the target was deleted since the answer named it (the answer is published all the same).
     */
    @Transactional
    void linkOnce(ContributionKind kind, long target, ProposalId proposal) {
        if (exists(kind, target) && jdbc.sql("SELECT COUNT(*) FROM contribution WHERE proposal_id = ? AND target_kind = ? AND target_id = ?")
                .params(proposal.value(), kind.name(), target).query(Integer.class).single() == 0) {
            link(kind, target, proposal);
        }
    }

    @Transactional
    void link(ContributionKind kind, long target, ProposalId proposal) {
        if (!exists(kind, target)) {
            throw new IllegalArgumentException("No " + kind + " " + target);
        }
        if (proposals.findPublic(proposal).isEmpty()) {
            throw CharterInvalid.of("reference", "accountability.charter.error.unknownProposal");
        }
        try {
            jdbc.sql("INSERT INTO contribution (proposal_id, target_kind, target_id) VALUES (?, ?, ?)")
                    .params(proposal.value(), kind.name(), target).update();
        } catch (DuplicateKeyException alreadyLinked) {
            throw CharterInvalid.of("reference", "accountability.charter.error.alreadyLinked");
        }
    }

    @Transactional
    void unlink(ContributionKind kind, long target, long proposal) {
        jdbc.sql("DELETE FROM contribution WHERE target_kind = ? AND target_id = ? AND proposal_id = ?")
                .params(kind.name(), target, proposal).update();
    }

    /** The public, visible proposals linked to the target, in the order they were linked. */
    List<PublicProposal> proposalsOf(ContributionKind kind, long target) {
        return jdbc.sql("SELECT proposal_id FROM contribution WHERE target_kind = ? AND target_id = ? ORDER BY id")
                .params(kind.name(), target).query(Long.class).list().stream()
                .map(id -> proposals.findPublic(new ProposalId(id)))
                .flatMap(Optional::stream)
                .filter(proposal -> !proposal.hidden())
                .toList();
    }

    @Override
    public List<Contribution> fedBy(ProposalId proposal) {
        List<Contribution> fed = new ArrayList<>();
        jdbc.sql("SELECT target_kind, target_id FROM contribution WHERE proposal_id = ? ORDER BY id").param(proposal.value())
                .query((rs, row) -> new Object[] {ContributionKind.valueOf(rs.getString(1)), rs.getLong(2)}).list()
                .forEach(link -> describe((ContributionKind) link[0], (Long) link[1]).ifPresent(fed::add));
        return fed;
    }

    Optional<Contribution> describe(ContributionKind kind, long id) {
        String sql = switch (kind) {
            case CHARTER_ARTICLE -> "SELECT number || '. ' || title, '/charte#article-' || number, NULL, NULL, NULL, "
                    + "NULL, NULL, NULL FROM charter_article WHERE id = ?";
            case WORK_PROGRAMME -> "SELECT title, '/chantiers/' || slug, status, progress, NULL, NULL, NULL, NULL "
                    + "FROM work_programme WHERE id = ?";
            case IMMEDIATE_MEASURE -> "SELECT title, '/mesures/' || slug, status, NULL, NULL, NULL, NULL, NULL "
                    + "FROM immediate_measure WHERE id = ?";
            case TRANSMISSION -> "SELECT subject, '/transmissions/' || id, CASE WHEN reply IS NULL THEN 'SENT' ELSE 'REPLIED' END, "
                    + "NULL, recipient, level, sent_on, replied_on FROM transmission WHERE id = ?";
            case REFERRAL -> "SELECT b.name, '/saisines/' || r.id, CASE WHEN r.opinion IS NULL THEN 'PENDING' ELSE 'OPINION' END, "
                    + "NULL, b.name, NULL, NULL, NULL FROM referral r JOIN advisory_body b ON b.id = r.body_id WHERE r.id = ?";
        };
        return jdbc.sql(sql).param(id).query((rs, row) -> new Contribution(kind, rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getObject(4) == null ? null : rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, java.time.LocalDate.class), rs.getObject(8, java.time.LocalDate.class))).optional();
    }

    @Override
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/charte", "/strategie", "/mesures", "/transmissions", "/saisines"));
        paths.addAll(jdbc.sql("SELECT '/chantiers/' || slug FROM work_programme ORDER BY id").query(String.class).list());
        paths.addAll(jdbc.sql("SELECT '/mesures/' || slug FROM immediate_measure ORDER BY id").query(String.class).list());
        paths.addAll(jdbc.sql("SELECT '/transmissions/' || id FROM transmission ORDER BY id").query(String.class).list());
        paths.addAll(jdbc.sql("SELECT '/saisines/' || id FROM referral ORDER BY id").query(String.class).list());
        return paths;
    }
}
