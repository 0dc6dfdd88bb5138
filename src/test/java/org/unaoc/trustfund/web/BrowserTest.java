package org.unaoc.trustfund.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unaoc.trustfund.support.FreshDatabase;

/**
 * The web pages in a real browser: the application with the demo data on a database of its own,
 * and the browser tests of {@code src/test/browser} (playwright-core driving Debian's Chromium,
 * axe for accessibility) run against it by Node.js. Screenshots land in {@code target/browser}.
 * {@code make test} installs Chromium and the npm packages first ({@code make browser-tools}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrowserTest {

    private static final Path TESTS = Path.of("src/test/browser");
    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void demoBooks(DynamicPropertyRegistry properties) throws Exception {
        FreshDatabase.register(properties, true);
    }

    @Test
    void the_pages_work_for_every_role_in_chromium() throws IOException, InterruptedException {
        assertThat(CHROMIUM).as("Chromium for the browser tests: run make browser-tools (apt-get install chromium)")
                .isExecutable();
        assertThat(TESTS.resolve("node_modules/playwright-core")).as("npm packages: run make browser-tools (npm ci)")
                .isDirectory();
        Path output = Path.of("target/browser/tests.tap");
        Files.createDirectories(output.getParent());
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=tap",
                "pages.test.mjs").directory(TESTS.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + port);
        node.environment().put("SCREENSHOTS", Path.of("target/browser").toAbsolutePath().toString());
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        Process run = node.start();
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String tap = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(tap);
        assertThat(finished).as("the browser tests finished within 10 minutes").isTrue();
        assertThat(count(tap, "pass")).as("browser tests passed").isGreaterThanOrEqualTo(10);
        assertThat(count(tap, "fail")).as("browser tests failed: see target/browser/tests.tap\n" + tap).isZero();
        assertThat(run.exitValue()).isZero();
        assertThat(Path.of("target/browser/finance-dashboard.png")).isRegularFile();
    }

    private static int count(String tap, String what) {
        Matcher matcher = Pattern.compile("^# " + what + " (\\d+)$", Pattern.MULTILINE).matcher(tap);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
