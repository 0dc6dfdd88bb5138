package org.unaoc.trustfund.support;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application over a database of its own, empty but for the migrations and the demo users:
 * for tests whose figures depend on the whole fund (availability, closure), which a shared
 * database would disturb. One new database per test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class FreshBooksTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected DSLContext db;

    @Autowired
    protected JsonMapper json;

    private Api api;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) throws Exception {
        FreshDatabase.register(properties, false);
    }

    protected Api api() {
        if (api == null) {
            api = new Api(port, json);
        }
        return api;
    }
}
