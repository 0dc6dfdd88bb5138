package org.unaoc.trustfund.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.system.DemoMode;

/**
 * The demo users of SPEC.md §3 (password "demo") in demo mode; outside it, only the administrator,
 * and only with a password from ADMIN_PASSWORD. No user ever has a default password otherwise.
 */
@Component
@Order(10)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    static final String PASSWORD = "demo";

    private final Users users;
    private final DemoMode demo;

    DemoUsers(Users users, DemoMode demo) {
        this.users = users;
        this.demo = demo;
    }

    /** The demo users of SPEC.md §3, by name. */
    static final List<String> NAMES = List.of("finance", "finance2", "approver", "auditor", "author", "spain", "turkey",
            "qatar", "admin");

    @Override
    public void run(ApplicationArguments args) {
        if (demo.adminPassword() != null) {
            String weakness = AdministratorPassword.weakness(demo.adminPassword());
            if (weakness != null) {
                throw new IllegalStateException(weakness + ". The fund does not start with a weak administrator's password.");
            }
            users.createIfMissing("admin", demo.adminPassword(), null, Role.ADMIN);
            users.setPassword("admin", demo.adminPassword());
        }
        if (!demo.enabled()) {
            if (demo.adminPassword() == null) {
                throw new IllegalStateException("Outside demo mode the fund needs an administrator: set ADMIN_PASSWORD "
                        + "(or DEMO=1 for the demo users). No user has a default password.");
            }
            List<String> disabled = NAMES.stream().filter(name -> users.disableIfPassword(name, PASSWORD)).toList();
            if (!disabled.isEmpty()) {
                log.warn("Outside demo mode: the demo users {} had the demo password and are now disabled; "
                        + "the administrator can enable them with a password of their own.", disabled);
            }
            return;
        }
        users.createIfMissing("finance", PASSWORD, null, Role.FINANCE_OFFICER);
        users.createIfMissing("finance2", PASSWORD, null, Role.FINANCE_OFFICER);
        users.createIfMissing("approver", PASSWORD, null, Role.APPROVER);
        users.createIfMissing("auditor", PASSWORD, null, Role.AUDITOR);
        users.createIfMissing("author", PASSWORD, null, Role.REPORT_AUTHOR);
        users.createIfMissing("spain", PASSWORD, "ES", Role.CO_SPONSOR);
        users.createIfMissing("turkey", PASSWORD, "TR", Role.CO_SPONSOR);
        users.createIfMissing("qatar", PASSWORD, "QA", Role.DONOR);
        if (demo.adminPassword() == null) {
            users.createIfMissing("admin", PASSWORD, null, Role.ADMIN);
        }
        log.info("Demo users ready (password \"{}\")", PASSWORD);
    }
}
