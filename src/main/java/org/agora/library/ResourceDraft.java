package org.agora.library;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource as staff describe it. The video link, when given, is an https address shown as a link (no third-party
 * player is embedded).
 */
record ResourceDraft(String title, String summary, ResourceKind kind, List<String> themes, String videoUrl) {

    static final int MAX_THEMES = 6;

    ResourceDraft {
        title = InitiativeDraft.strip(title);
        summary = InitiativeDraft.strip(summary);
        themes = InitiativeDraft.tags(themes);
        videoUrl = InitiativeDraft.strip(videoUrl);
    }

    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.length() < 3 || title.length() > 200) {
            problems.put("title", "library.resource.error.title");
        }
        if (summary.length() < 10 || summary.length() > 2000) {
            problems.put("summary", "library.resource.error.summary");
        }
        if (kind == null) {
            problems.put("kind", "library.resource.error.kind");
        }
        if (themes.size() > MAX_THEMES || themes.stream().anyMatch(theme -> theme.length() > 60)) {
            problems.put("themes", "library.resource.error.themes");
        }
        if (!videoUrl.isEmpty() && !https(videoUrl)) {
            problems.put("videoUrl", "library.resource.error.videoUrl");
        }
        return problems;
    }

    static boolean https(String url) {
        if (url.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (Exception invalid) {
            return false;
        }
    }
}
