package org.agora.panels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only view of the public panels and their public draw, for the API and open data: what the panel page and its
 * verification page show (pseudonymised member numbers, the lottery's SHA-256, the seed), never the pool.
 */
@Service
public class PanelListing {

    public record PublicPanel(String slug, String name, String purpose, long territoryId, Long processId, int size,
                              String status, Instant recruitmentOpensAt, Instant recruitmentClosesAt,
                              Draw draw) {
    }

    /**
     * The published lottery and, once drawn, the seed, the index it chose and the drawn members' pseudonyms, the
     * current members after replacements and the public log of replacements; null fields until each step happens.
     */
    public record Draw(Integer lotterySize, String lotterySha256, Instant lotteryPublishedAt, String seed,
                       Integer index, Instant drawnAt, List<String> drawnMembers, List<String> members,
                       List<Replacement> replacements) {
    }

    public record Replacement(Instant at, String dropped, String replacement, String seed) {
    }

    private final Panels panels;
    private final JdbcClient jdbc;

    PanelListing(Panels panels, JdbcClient jdbc) {
        this.panels = panels;
        this.jdbc = jdbc;
    }

    /** Public panels (not drafts), latest first. */
    public ResultPage<PublicPanel> publicPanels(int offset, int limit) {
        List<Panel> all = panels.publicPanels();
        ResultPage<Panel> page = ResultPage.of(all, offset, limit);
        Map<Long, List<Replacement>> replacements = replacements(page.items().stream().map(Panel::id).toList());
        return page.map(panel -> view(panel, replacements.getOrDefault(panel.id(), List.of())));
    }

    public Optional<PublicPanel> publicPanel(String slug) {
        return panels.publicPanels().stream().filter(panel -> panel.slug().equals(slug)).findFirst()
                .map(panel -> view(panel, replacements(List.of(panel.id())).getOrDefault(panel.id(), List.of())));
    }

    private Map<Long, List<Replacement>> replacements(List<Long> panelIds) {
        Map<Long, List<Replacement>> byPanel = new HashMap<>();
        if (!panelIds.isEmpty()) {
            jdbc.sql("SELECT panel_id, replaced_at, dropped, replacement, seed FROM panel_replacement "
                            + "WHERE panel_id IN (:ids) ORDER BY id")
                    .param("ids", panelIds)
                    .query((rs, row) -> byPanel.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Replacement(Panels.instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5))))
                    .list();
        }
        return byPanel;
    }

    private static PublicPanel view(Panel panel, List<Replacement> replacements) {
        Draw draw = panel.lotterySha256() == null ? null : new Draw(panel.lotterySize(), panel.lotterySha256(),
                panel.lotteryPublishedAt(), panel.drawSeed(), panel.drawIndex(), panel.drawnAt(),
                panel.drawnMemberList(), panel.memberList(), replacements);
        return new PublicPanel(panel.slug(), panel.name(), panel.purpose(), panel.territoryId(), panel.processId(),
                panel.size(), panel.status().name(), panel.opensAt(), panel.closesAt(), draw);
    }
}
