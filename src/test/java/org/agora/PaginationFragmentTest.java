package org.agora;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists of any length get a short page navigation: first, last, and two pages either side of the current one. */
@AgoraTest
class PaginationFragmentTest {

    @Autowired ITemplateEngine templates;

    private String render(int page, int totalPages) {
        Context context = new Context(Locale.FRENCH, Map.of("page", page, "totalPages", totalPages, "base", "/processes?when=past"));
        return templates.process("fragments/pagination", Set.of("pages"), context);
    }

    @Test
    void aLongListShowsAWindowAroundTheCurrentPageWithTheFirstAndLast() {
        String html = render(50, 100_000);

        assertThat(html).contains("/processes?when=past&amp;page=1\"", "page=48\"", "page=49\"", "page=52\"", "page=100000\"",
                "aria-current=\"page\"", "Page précédente", "Page suivante", "…");
        assertThat(html).doesNotContain("page=47\"", "page=53\"", "page=99999\"");
    }

    @Test
    void theFirstPageHasNoPreviousLinkAndNoEllipsisBeforeIt() {
        String html = render(1, 3);

        assertThat(html).contains("page=2\"", "page=3\"", "Page suivante").doesNotContain("Page précédente", "…");
    }

    @Test
    void aSinglePageListHasNoNavigation() {
        assertThat(render(1, 1)).doesNotContain("<nav");
    }
}
