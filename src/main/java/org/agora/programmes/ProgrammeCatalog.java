package org.agora.programmes;

import org.agora.shared.PublicPages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only view of the support programmes for other modules: the figures page and the sitemap. */
@Service
public class ProgrammeCatalog implements PublicPages {

    private final NamedParameterJdbcTemplate jdbc;
    private final Calls calls;
    private final Grants grants;
    private final FollowUps followUps;

    ProgrammeCatalog(NamedParameterJdbcTemplate jdbc, Calls calls, Grants grants, FollowUps followUps) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.grants = grants;
        this.followUps = followUps;
    }

    @Transactional(readOnly = true)
    public ProgrammeFigures figures() {
        long all = count("SELECT COUNT(*) FROM programme_call");
        long open = calls.openNow().size();
        long received = count("SELECT COUNT(*) FROM programme_application WHERE status IN ('SUBMITTED', "
                + "'COMPLETION_REQUESTED', 'RETAINED', 'NOT_RETAINED', 'WAITING_LIST')");
        long retained = count("SELECT COUNT(*) FROM programme_application WHERE status = 'RETAINED'");
        Grants.Totals totals = grants.everywhere();
        return new ProgrammeFigures(all, open, received, retained, totals.committedCents(), totals.paidCents());
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Map.of(), Long.class);
        return value == null ? 0 : value;
    }

    /** The public pages: the programmes page, every call's page and the published showcases. */
    @Transactional(readOnly = true)
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/programmes"));
        calls.all().forEach(call -> paths.add(call.path()));
        followUps.published().forEach(showcase -> paths.add("/programmes/projets/" + showcase.applicationId()));
        return paths;
    }
}
