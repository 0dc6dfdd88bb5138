package org.unaoc.trustfund.system;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the demo users and demo data. On by default with the embedded database, off with an
 * external one; DEMO=1 or DEMO=0 decides either way.
 */
@Component
public class DemoMode {

    private final boolean enabled;
    private final @Nullable String adminPassword;

    DemoMode(@Value("${trustfund.demo:}") String demo, @Value("${trustfund.admin-password:}") String adminPassword,
             DatabaseLocation database) {
        this.enabled = switch (demo.trim().toLowerCase()) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> database.embedded();
        };
        this.adminPassword = adminPassword.isBlank() ? null : adminPassword;
    }

    public boolean enabled() {
        return enabled;
    }

    public @Nullable String adminPassword() {
        return adminPassword;
    }
}
