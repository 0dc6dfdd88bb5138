package org.unaoc.trustfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;

/** With every connection taken, a request is answered 503 within the pool's timeout, and nothing leaks. */
class PoolExhaustionTest extends FreshBooksTest {

    @Autowired
    DataSource pool;

    @Test
    void an_exhausted_pool_answers_503_within_3_seconds_and_recovers() throws Exception {
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                taken.add(pool.getConnection());
            }
            long started = System.nanoTime();
            Api.Response refused = api().post("finance", "/api/contributors", Map.of("code", "MT", "name", "Malta",
                    "type", "GOVERNMENT"));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(refused.status()).as(refused.text()).isEqualTo(503);
            assertThat(refused.body().get("type").asString()).isEqualTo("/problems/database-unavailable");
            // answered after the pool's 3 s wait, not held until the client gives up (60 s); the slack is for a
            // machine busy with the other test JVM
            assertThat(seconds).isLessThan(7.0);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        for (int i = 0; i < 40; i++) {
            assertThat(api().get("finance", "/api/contributors").status()).isEqualTo(200);
        }
        Api.Response created = api().post("finance", "/api/contributors", Map.of("code", "MT", "name", "Malta",
                "type", "GOVERNMENT"));
        assertThat(created.status()).as("the refused request wrote nothing: " + created.text()).isEqualTo(201);
        var hikari = (com.zaxxer.hikari.HikariDataSource) pool;
        assertThat(hikari.getHikariPoolMXBean().getActiveConnections()).as("no connection leaked").isZero();
    }
}
