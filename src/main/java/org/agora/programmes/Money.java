package org.agora.programmes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Amounts in euro cents. Typed amounts accept "12 345,67", "12345.67" or "12 345 €"; negative amounts and amounts over
 * one hundred million euros (surely a typing mistake) are refused.
 */
final class Money {

    static final long MAX_CENTS = 100_000_000_00L;

    private Money() {
    }

    /** The cents of a typed amount, or empty when it is not a valid, sensible amount. */
    static Optional<Long> parseEuros(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String plain = typed.replace("€", "").replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        if (!plain.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        long cents = new BigDecimal(plain).movePointRight(2).longValueExact();
        return cents > MAX_CENTS ? Optional.empty() : Optional.of(cents);
    }

    /** "12 345,67 €" in French, "€12,345.67" in English; whole euros without decimals. */
    static String format(long cents, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(
                "en".equals(locale.getLanguage()) ? "en-IE" : "fr-FR"));
        if (cents % 100 == 0) {
            format.setMaximumFractionDigits(0);
            format.setMinimumFractionDigits(0);
        }
        return format.format(BigDecimal.valueOf(cents).movePointLeft(2));
    }

    /** The amount for a form field: "12345,67" or "12345". */
    static String typed(Long cents) {
        if (cents == null) {
            return "";
        }
        return cents % 100 == 0 ? Long.toString(cents / 100)
                : BigDecimal.valueOf(cents).movePointLeft(2).toPlainString().replace('.', ',');
    }

    /** min(rate × eligible cost, cap), rounded to the euro (half up): the grant a call's rule gives. */
    static long award(long eligibleCents, int ratePercent, long capCents) {
        if (eligibleCents < 0 || ratePercent < 0 || ratePercent > 100 || capCents < 0) {
            throw new IllegalArgumentException("Negative amount or rate out of range");
        }
        BigDecimal share = BigDecimal.valueOf(eligibleCents).multiply(BigDecimal.valueOf(ratePercent))
                .divide(BigDecimal.valueOf(100));
        BigDecimal capped = share.min(BigDecimal.valueOf(capCents));
        return capped.movePointLeft(2).setScale(0, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }
}
