package org.agora.programmes;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Euro amounts typed by staff ("2000", "2 000,50", "2000.5 €") as exact cents; negative or absurd ones refused. */
final class CentreAmounts {

    /** No yearly grant or payment to one cyber-centre comes near this: above it, a typing mistake. */
    static final long MAX_CENTS = 100_000_00L;

    private CentreAmounts() {
    }

    /** The amount in cents, or null when it is not a non-negative amount of at most {@link #MAX_CENTS}. */
    static Long cents(String typed) {
        String value = CentreForm.strip(typed).replace("€", "").replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.');
        if (!value.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return null;
        }
        long cents = new BigDecimal(value).movePointRight(2).longValueExact();
        return cents > MAX_CENTS ? null : cents;
    }

    /** "2 000,00 €" in French, "€2,000.00" in English. */
    static String format(long cents, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        NumberFormat number = NumberFormat.getNumberInstance(english ? Locale.UK : Locale.FRANCE);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        String amount = number.format(BigDecimal.valueOf(cents, 2));
        return english ? "€" + amount : amount + "\u00a0€";
    }

    /** The value to show back in a form field: "2000" or "2000,50". */
    static String typed(long cents) {
        return cents % 100 == 0 ? Long.toString(cents / 100) : BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }
}
