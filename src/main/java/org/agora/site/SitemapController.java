package org.agora.site;

import java.util.ArrayList;
import java.util.List;

import org.agora.accountability.BreakdownCatalog;
import org.agora.accountability.ContributionCatalog;
import org.agora.library.LibraryCatalog;
import org.agora.meetings.AttendanceCatalog;
import org.agora.meetings.MeetingCatalog;
import org.agora.processes.ProcessCatalog;
import org.agora.proposals.ProposalCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** Lists every public page kind; each feature adds its pages here as it arrives. */
@RestController
class SitemapController {

    private final ProcessCatalog processes;
    private final ProposalCatalog proposals;
    private final ContributionCatalog accountability;
    private final BreakdownCatalog breakdowns;
    private final MeetingCatalog meetings;
    private final AttendanceCatalog attendance;
    private final LibraryCatalog library;
    private final String baseUrl;

    SitemapController(ProcessCatalog processes, ProposalCatalog proposals, ContributionCatalog accountability,
                      BreakdownCatalog breakdowns, MeetingCatalog meetings, AttendanceCatalog attendance,
                      LibraryCatalog library,
                      @Value("${agora.base-url}") String baseUrl) {
        this.meetings = meetings;
        this.attendance = attendance;
        this.library = library;
        this.processes = processes;
        this.proposals = proposals;
        this.accountability = accountability;
        this.breakdowns = breakdowns;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    String sitemap() {
        List<String> paths = new ArrayList<>(List.of("/", "/processes", "/search", "/signup", "/login",
                "/legal/notice", "/legal/privacy", "/legal/accessibility", "/legal/terms", "/ambassadeurs", "/chiffres"));
        processes.publishedSlugs().forEach(slug -> paths.add("/processes/" + slug));
        processes.publishedSlugs().forEach(slug -> paths.add("/chiffres?process=" + slug));
        paths.addAll(proposals.publicPaths());
        paths.addAll(accountability.publicPaths());
        paths.addAll(breakdowns.publicPaths());
        paths.addAll(meetings.publicPaths());
        paths.addAll(attendance.minutesPaths());
        paths.addAll(library.publicPaths());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        paths.forEach(path -> xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(baseUrl + path)).append("</loc></url>\n"));
        return xml.append("</urlset>\n").toString();
    }
}
