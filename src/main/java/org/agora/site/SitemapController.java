package org.agora.site;

import java.util.ArrayList;
import java.util.List;

import org.agora.meetings.AttendanceCatalog;
import org.agora.processes.ProcessCatalog;
import org.agora.shared.PublicPages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** Lists every public page kind: the site's own pages, then those of every module that offers {@link PublicPages}. */
@RestController
class SitemapController {

    private final ProcessCatalog processes;
    private final AttendanceCatalog attendance;
    private final List<PublicPages> modules;
    private final String baseUrl;

    SitemapController(ProcessCatalog processes, AttendanceCatalog attendance, List<PublicPages> modules,
                      @Value("${agora.base-url}") String baseUrl) {
        this.processes = processes;
        this.attendance = attendance;
        this.modules = modules;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    String sitemap() {
        List<String> paths = new ArrayList<>(List.of("/", "/processes", "/search", "/signup", "/login",
                "/legal/notice", "/legal/privacy", "/legal/accessibility", "/legal/terms", "/ambassadeurs"));
        processes.publishedSlugs().forEach(slug -> paths.add("/processes/" + slug));
        modules.forEach(module -> paths.addAll(module.publicPaths()));
        paths.addAll(attendance.minutesPaths());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        paths.forEach(path -> xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(baseUrl + path)).append("</loc></url>\n"));
        return xml.append("</urlset>\n").toString();
    }
}
