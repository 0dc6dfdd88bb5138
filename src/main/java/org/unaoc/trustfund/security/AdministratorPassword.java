package org.unaoc.trustfund.security;

import java.util.List;
import java.util.Locale;

/**
 * The administrator's password from ADMIN_PASSWORD, checked before the fund starts with it: at
 * least 12 characters, at least 5 different ones, and not a common password with digits or signs
 * around it ("Password2006!", "qwerty123456", "admin-admin-admin"), nor the fund's own words.
 */
final class AdministratorPassword {

    static final int MIN_LENGTH = 12;

    /** The words of the passwords everyone tries first, and of this fund; a password made of one is refused. */
    private static final List<String> COMMON = List.of("password", "passw0rd", "p@ssword", "admin", "administrator", "root",
            "welcome", "letmein", "changeme", "qwerty", "qwertz", "azerty", "asdfgh", "zxcvbn", "iloveyou", "trustno",
            "monkey", "dragon", "football", "baseball", "master", "sunshine", "princess", "secret", "default", "login",
            "abc", "abcdef", "demo", "trustfund", "trust", "fund", "ledger", "unitednations", "united", "nations", "alliance",
            "civilizations", "civilisations", "finance");

    private AdministratorPassword() {
    }

    /** Why the password will not do, or null when it will. */
    static String weakness(String password) {
        if (password.length() < MIN_LENGTH) {
            return "ADMIN_PASSWORD has " + password.length() + " characters; it needs at least " + MIN_LENGTH;
        }
        if (password.chars().distinct().count() < 5) {
            return "ADMIN_PASSWORD repeats a few characters; use at least 5 different ones";
        }
        String letters = password.toLowerCase(Locale.ROOT).replaceAll("[^a-z@]", "");
        if (letters.isEmpty() || isSequence(password.toLowerCase(Locale.ROOT))) {
            return "ADMIN_PASSWORD is a run of keys or digits anyone tries; choose a passphrase";
        }
        String rest = letters;
        for (boolean found = true; found && !rest.isEmpty(); ) {
            found = false;
            for (String word : COMMON) {
                if (rest.startsWith(word)) {
                    rest = rest.substring(word.length());
                    found = true;
                    break;
                }
            }
        }
        return rest.isEmpty() ? "ADMIN_PASSWORD is a common password with digits or signs added; choose a passphrase" : null;
    }

    /** Digits or letters in a row, up or down ("123456789012", "abcdefghijkl"), once the signs are out. */
    private static boolean isSequence(String password) {
        String plain = password.replaceAll("[^a-z0-9]", "");
        int steps = 0;
        for (int i = 1; i < plain.length(); i++) {
            int step = plain.charAt(i) - plain.charAt(i - 1);
            if (step == 1 || step == -1 || step == 0 || plain.charAt(i) == '0' && plain.charAt(i - 1) == '9') {
                steps++;
            }
        }
        return plain.length() > 1 && steps >= plain.length() - 2;
    }
}
