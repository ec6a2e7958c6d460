package org.agora.proposals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with demo data: the staff demo account imports a small export of an earlier online consultation
 * (Decidim's columns) into the regional process, through the import's own steps, so that the imports list and the
 * imported proposals' provenance have something to show.
 */
@Component
@Order(41)
@ConditionalOnBooleanProperty("agora.demo-data")
class ContributionImportDemoData implements ApplicationRunner {

    static final String SOURCE = "Consultation en ligne Decidim 2025";
    static final String STAFF = "agent@example.org";

    private static final Logger log = LoggerFactory.getLogger(ContributionImportDemoData.class);

    private final ContributionImports imports;
    private final ProcessRules processes;
    private final AccountManagement accounts;
    private final JdbcTemplate jdbc;

    ContributionImportDemoData(ContributionImports imports, ProcessRules processes, AccountManagement accounts,
                               JdbcTemplate jdbc) {
        this.imports = imports;
        this.processes = processes;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ProcessSettings process = processes.bySlug(ProposalDemoData.PROCESS).orElse(null);
        AgoraUser staff = accounts.findByEmail(STAFF).flatMap(accounts::find).orElse(null);
        if (process == null || staff == null || process.themes().size() < 2
                || jdbc.queryForObject("SELECT COUNT(*) FROM contribution_import", Long.class) > 0) {
            return;
        }
        String first = process.themes().get(0);
        String second = process.themes().get(1);
        String csv = "id;title/fr;body/fr;scope/name/fr;category/name/fr;published_at;author/name;url\n"
                + "dc-2025-101;Un car le dimanche vers les guinguettes des bords du Cher;Relier les villages aux guinguettes "
                + "le dimanche, d’avril à octobre, avec des vélos acceptés à bord.;;" + first
                + ";2025-03-12 14:22:01 UTC;Jeanne D.;https://decidim.example.org/processes/consultation-2025/f/3/proposals/101\n"
                + "dc-2025-102;\"Des fontaines d’eau potable, enfin\";\"Installer des fontaines dans les parcs et sur les "
                + "places; au moins une par quartier.\";;" + second + ";2025-03-14 09:05:00 UTC;;"
                + "https://decidim.example.org/processes/consultation-2025/f/3/proposals/102\n"
                + "dc-2025-103;Un conseil des jeunes dans chaque bassin de vie;Donner aux 15-25 ans un lieu pour "
                + "proposer et suivre des projets, avec un budget annuel.;;" + first + ";2025-03-20 18:40:00 UTC;Malik;"
                + "https://decidim.example.org/processes/consultation-2025/f/3/proposals/103\n";
        try {
            long uploadId = imports.upload(process, staff, "decidim-export-propositions.csv",
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
            ContributionImports.Upload upload = imports.upload(process, staff, uploadId);
            List<String> headers = imports.sample(upload).headers();
            ContributionImports.Report report = imports.dryRun(process, staff, upload, headers,
                    imports.suggestion(upload, headers), SOURCE, true, true);
            if (!report.valid()) {
                log.warn("Demo import not done: {}", report.problems());
                return;
            }
            imports.commit(process, staff, imports.upload(process, staff, uploadId));
        } catch (java.io.IOException unreadable) {
            log.warn("Demo import not done", unreadable);
        }
    }
}
