package org.unaoc.trustfund.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the product runs and how to log in, once it is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final DemoMode demo;
    private final DatabaseLocation database;

    StartupBanner(DemoMode demo, DatabaseLocation database) {
        this.demo = demo;
        this.database = database;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String logins = demo.enabled()
                ? "Log in (on the page or with HTTP Basic on the API) as finance, finance2, approver, auditor, author, "
                        + "spain, turkey, qatar or admin; password: demo"
                : "Log in as admin with the password in ADMIN_PASSWORD (demo users are off)";
        log.info("\n\n  Trust Fund Ledger is running at http://localhost:{}/ (open it in a browser)\n  API: http://localhost:{}/api/fund  "
                        + "OpenAPI: http://localhost:{}/swagger-ui.html  Health: http://localhost:{}/actuator/health\n  {}\n"
                        + "  Database: {}{}\n",
                port, port, port, port, logins, database.url(), database.embedded() ? " (embedded)" : "");
    }
}
