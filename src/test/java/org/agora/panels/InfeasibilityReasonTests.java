package org.agora.panels;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class InfeasibilityReasonTests {

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aStoredReasonReadsBackWithItsArgumentsAndIsWordedInEnglishForTheCommandLine() {
        InfeasibilityReason reason = InfeasibilityReason.of("minimums", "gender", 23, 20);

        assertThat(InfeasibilityReason.read(reason.stored())).isEqualTo(reason);
        assertThat(reason.english()).isEqualTo("gender: the minimums add up to 23 but the panel has 20 seats.");
        assertThat(InfeasibilityReason.read("The solver stopped.").english()).isEqualTo("The solver stopped.");
        assertThat(InfeasibilityReason.read("The solver stopped.").messageKey()).isNull();
    }

    @Test
    void thePagesWordTheExplanationInTheReadersLanguage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/panels");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        PanelViews views = new PanelViews(null, null, null, messages);
        String line = InfeasibilityReason.of("available", 3, "zone", "rurale", 5).stored();

        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(views.explain(line)).isEqualTo("Seuls 3 volontaires ont zone = « rurale » alors que le minimum est 5.");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(views.explain(line)).isEqualTo("Only 3 volunteers have zone = \"rurale\" but the minimum is 5.");
        assertThat(List.of(views.explain("Échec du solveur"))).containsExactly("Échec du solveur");
    }
}
