package org.agora.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

    @Test
    void rendersHeadingsListsLinksAndEmphasis() {
        String html = Markdown.toHtml("## Comment participer ?\n\n- **La tournée**\n- [Le site](https://example.org)\n");

        assertThat(html).contains("<h2>Comment participer ?</h2>", "<li><strong>La tournée</strong></li>",
                "<a rel=\"nofollow\" href=\"https://example.org\">Le site</a>");
    }

    @Test
    void aScriptIsShownAsTextNeverRun() {
        String html = Markdown.toHtml("Avant\n\n<script>alert('x')</script>\n\nAprès <img src=x onerror=alert(1)>");

        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void rawHtmlIsEscaped() {
        assertThat(Markdown.toHtml("<div onclick=\"steal()\">clic</div>"))
                .doesNotContain("<div").contains("&lt;div onclick=&quot;steal()&quot;&gt;");
    }

    @Test
    void javascriptAndDataLinksLoseTheirTarget() {
        String html = Markdown.toHtml("[clic](javascript:alert(1)) [data](data:text/html,<b>x</b>) "
                + "![img](javascript:alert(2)) <javascript:alert(3)>");

        assertThat(html).doesNotContain("href=\"javascript", "src=\"javascript", "href=\"data:")
                .contains("<a rel=\"nofollow\" href=\"\">clic</a>");
    }

    @Test
    void aLevelOneHeadingBecomesLevelTwoSoThePageKeepsOneH1() {
        assertThat(Markdown.toHtml("# Titre\n\n### Sous-titre")).isEqualTo("<h2>Titre</h2>\n<h3>Sous-titre</h3>\n");
    }

    @Test
    void emptyDescriptionsRenderNothing() {
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toHtml("  ")).isEmpty();
    }
}
