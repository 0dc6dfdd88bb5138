package org.unaoc.trustfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed jOOQ code is exactly what db/migration generates: run `make jooq` after changing a migration. */
class GeneratedCodeTest {

    private static final Path COMMITTED = Path.of("src/main/jooq");

    @Test
    void committed_jooq_code_matches_the_migrations() throws Exception {
        Path fresh = Files.createTempDirectory("jooq-generated");
        JooqGenerator.generate(fresh);
        Map<String, String> expected = read(fresh);
        Map<String, String> committed = read(COMMITTED);
        assertThat(committed.keySet()).as("generated files (run `make jooq`)").isEqualTo(expected.keySet());
        expected.forEach((file, text) ->
                assertThat(committed.get(file)).as("%s differs from what the migrations generate: run `make jooq`", file)
                        .isEqualTo(text));
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readString(path));
            }
        }
        return files;
    }
}
