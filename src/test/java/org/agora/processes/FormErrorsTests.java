package org.agora.processes;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTests {

    @Test
    void summaryListsTheFieldsInTheOrderOfTheFormWhateverTheOrderOfValidation() {
        StaticMessageSource messages = new StaticMessageSource();
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Object(), "form");
        for (String field : new String[] {"summary", "phases[10].name", "territoryId", "phases[2].endsOn", "title",
                "phases[2].name", "imageAlt"}) {
            messages.addMessage("processes.form." + field, Locale.FRENCH, field);
            result.addError(new FieldError("form", field, "processes.form." + field));
        }

        FormErrors errors = FormErrors.of(result, messages, Locale.FRENCH);

        assertThat(errors.summary()).extracting(FormErrors.Link::anchor).containsExactly("title", "summary",
                "territoryId", "imageAlt", "phase-2-name", "phase-2-endsOn", "phase-10-name");
        assertThat(errors.byField()).containsKeys("title", "summary");
    }
}
