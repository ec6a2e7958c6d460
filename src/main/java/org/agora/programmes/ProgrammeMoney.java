package org.agora.programmes;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Amounts for the templates ({@code ${@programmeMoney.euros(cents)}}), in the page's language. */
@Component("programmeMoney")
class ProgrammeMoney {

    public String euros(Long cents) {
        return cents == null ? "—" : Money.format(cents, LocaleContextHolder.getLocale());
    }

    public String typed(Long cents) {
        return Money.typed(cents);
    }
}
