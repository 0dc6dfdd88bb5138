package org.unaoc.trustfund.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unaoc.trustfund.support.Api;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judge: seeded lives of the fund checked against the reference model. {@code make test} runs
 * the default number of seeds; {@code make simulate SEED=N} replays one, {@code make simulate
 * SEEDS=N} runs many and prints {@code N seeds, M operations, K violations}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SimulationTest {

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void books(DynamicPropertyRegistry properties) throws Exception {
        FreshFund.register(properties);
    }

    private static java.util.Set<String> without() {
        // the operations whose defects another issue owns are left out unless asked for: late rates (#15 item 4).
        // Year-end closes are in since 2 December (a statement to 31 December no longer names the close as its last entry)
        String named = System.getProperty("simulation.without", "late-rates");
        return named.isBlank() ? java.util.Set.of() : java.util.Set.of(named.split(","));
    }

    @Test
    void seeded_lives_of_the_fund_keep_every_rule() throws IOException {
        FreshFund.snapshot();
        String seed = System.getProperty("simulation.seed", "");
        Simulation.Settings settings = new Simulation.Settings(
                seed.isBlank() ? Long.getLong("simulation.first", 1) : Long.parseLong(seed),
                seed.isBlank() ? Integer.getInteger("simulation.seeds", 10) : 1,
                Integer.getInteger("simulation.operations", 260),
                Integer.getInteger("simulation.order-every", 10),
                Integer.getInteger("simulation.dated-every", 100),
                Integer.getInteger("simulation.shrink-runs", 60),
                without(),
                Boolean.getBoolean("simulation.stop-at-first"));
        List<String> lines = new ArrayList<>();
        Simulation.Report report = new Simulation(new Run(db, new Api(port, json), settings.datedEvery()), settings, line -> {
            System.out.println(line);
            lines.add(line);
        }).go();
        lines.add("violations by kind: " + report.violationsByKind());
        lines.add(report.line());
        System.out.println("violations by kind: " + report.violationsByKind());
        System.out.println(report.line());
        Path folder = Path.of("target", "simulation");
        Files.createDirectories(folder);
        Files.write(folder.resolve("report.txt"), lines);
        if (!Boolean.parseBoolean(System.getProperty("simulation.assert", "true"))) {
            return;
        }
        assertThat(report.failures()).as("seeds that broke a rule (the shortened operations are in target/simulation/report.txt)")
                .isEmpty();
    }
}
