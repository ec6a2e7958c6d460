package org.agora.organisations;

/** The SIREN, France's 9-digit company number, whose last digit is a Luhn check digit. */
final class Siren {

    private Siren() {
    }

    /** The digits without the spaces people type ("552 100 554"), or the text as it was if it is not that. */
    static String normalised(String value) {
        return value == null ? "" : value.replace(" ", "").replace("\u00a0", "").strip();
    }

    static boolean valid(String normalised) {
        if (normalised == null || !normalised.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = normalised.charAt(8 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
