package org.agora.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public directory of ambassadors: facilitators who chose to appear in it, with a territory within their
 * FACILITATOR scope and a short presentation. An entry shows only while the account is active and still holds
 * FACILITATOR; withdrawing keeps the entry unlisted, deleting the account removes it.
 */
@Component
@Transactional
class Ambassadors implements PersonalData {

    static final int PAGE_SIZE = 20;

    /** An account that is active and holds FACILITATOR in some scope. */
    private static final String SHOWN = "a.listed AND acc.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM role_assignment r "
            + "WHERE r.account_id = a.account_id AND r.role = 'FACILITATOR')";

    private final NamedParameterJdbcTemplate jdbc;
    private final TerritoryDirectory territories;
    private final Clock clock;

    Ambassadors(NamedParameterJdbcTemplate jdbc, TerritoryDirectory territories, Clock clock) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.clock = clock;
    }

    /** What a facilitator has set, or empty. */
    @Transactional(readOnly = true)
    Optional<Entry> entryOf(AccountId account) {
        return jdbc.query("SELECT territory_id, presentation, listed FROM ambassador WHERE account_id = :account",
                new MapSqlParameterSource("account", account.value()),
                (rs, row) -> new Entry(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).stream().findFirst();
    }

    /** The territories a facilitator may present themselves for: those within one of their FACILITATOR scopes. */
    @Transactional(readOnly = true)
    List<TerritoryView> territoryChoices(AgoraUser user) {
        List<RoleScope> scopes = user.scopesOf(Role.FACILITATOR);
        return territories.scopes().stream().filter(choice -> scopes.stream().anyMatch(scope ->
                scope.kind() == RoleScope.Kind.GLOBAL
                        || scope.kind() == RoleScope.Kind.TERRITORY && territories.isWithin(choice.id(), scope.id()))).toList();
    }

    /** Saves the facilitator's entry; a territory outside their scope is a field problem. */
    void save(AgoraUser user, Entry entry) {
        if (!user.holdsAnywhere(Role.FACILITATOR)) {
            throw new AccessDeniedException("Only facilitators appear in the directory");
        }
        if (territoryChoices(user).stream().noneMatch(choice -> choice.id() == entry.territoryId())) {
            throw new FieldProblem("territory", "accounts.ambassador.territory.outside");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("account", user.id().value())
                .addValue("territory", entry.territoryId()).addValue("presentation", entry.presentation())
                .addValue("listed", entry.listed()).addValue("now", Timestamp.from(clock.instant()));
        int updated = jdbc.update("UPDATE ambassador SET territory_id = :territory, presentation = :presentation, "
                + "listed = :listed, updated_at = :now WHERE account_id = :account", params);
        if (updated == 0) {
            jdbc.update("INSERT INTO ambassador (account_id, territory_id, presentation, listed, updated_at) "
                    + "VALUES (:account, :territory, :presentation, :listed, :now) ON CONFLICT DO NOTHING", params);
        }
    }

    /** Leaves the directory at once; the entry is kept, unlisted, so that it can be shown again. */
    void withdraw(AccountId account) {
        jdbc.update("UPDATE ambassador SET listed = FALSE, updated_at = :now WHERE account_id = :account",
                new MapSqlParameterSource("account", account.value()).addValue("now", Timestamp.from(clock.instant())));
    }

    /** One page (0-based) of the directory, ordered by territory then pseudonym; {@code territoryId} filters, with the territories below it. */
    @Transactional(readOnly = true)
    Page directory(Long territoryId, int page) {
        StringBuilder where = new StringBuilder(SHOWN);
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (territoryId != null) {
            where.append(" AND a.territory_id IN (:territories)");
            params.addValue("territories", territories.selfAndDescendants(territoryId));
        }
        String from = " FROM ambassador a JOIN account acc ON acc.id = a.account_id WHERE " + where;
        long total = jdbc.queryForObject("SELECT COUNT(*)" + from, params, Long.class);
        List<Row> rows = jdbc.query("SELECT acc.pseudonym, a.territory_id, a.presentation" + from, params,
                (rs, row) -> new Row(rs.getString(1), territoryName(rs.getLong(2)), rs.getString(3)));
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(Row::territory, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Row::pseudonym, String.CASE_INSENSITIVE_ORDER));
        List<Row> shown = sorted.stream().skip((long) page * PAGE_SIZE).limit(PAGE_SIZE).toList();
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        shown.forEach(row -> groups.computeIfAbsent(row.territory(), name -> new ArrayList<>()).add(row));
        return new Page(groups, total, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** The territories that have at least one ambassador shown, for the filter. */
    @Transactional(readOnly = true)
    List<TerritoryView> territoriesShown() {
        return jdbc.queryForList("SELECT DISTINCT a.territory_id FROM ambassador a JOIN account acc ON acc.id = a.account_id WHERE "
                        + SHOWN, new MapSqlParameterSource(), Long.class).stream()
                .flatMap(id -> territories.find(id).stream())
                .sorted(java.util.Comparator.comparing(TerritoryView::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    @EventListener
    void on(AccountDeleted event) {
        jdbc.update("DELETE FROM ambassador WHERE account_id = :account",
                new MapSqlParameterSource("account", event.account().value()));
    }

    @Override
    public String section() {
        return "ambassador";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(AccountId account) {
        return entryOf(account).map(entry -> Map.of("territoryId", entry.territoryId(),
                "presentation", entry.presentation(), "shownInDirectory", entry.listed())).orElse(null);
    }

    private String territoryName(long id) {
        return territories.find(id).map(TerritoryView::name).orElse("—");
    }

    record Entry(long territoryId, String presentation, boolean listed) {
    }

    record Row(String pseudonym, String territory, String presentation) {
    }

    record Page(Map<String, List<Row>> groups, long total, int totalPages) {
    }
}
