package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void j_i_the_largest_remainder_takes_the_cent() {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        weights.put("A", new BigDecimal("2500000.00"));
        weights.put("B", new BigDecimal("1500000.00"));
        weights.put("C", new BigDecimal("1000000.00"));
        assertThat(LargestRemainder.split(new BigDecimal("60000.01"), weights)).containsExactly(
                Map.entry("A", new BigDecimal("30000.01")), Map.entry("B", new BigDecimal("18000.00")),
                Map.entry("C", new BigDecimal("12000.00")));
    }

    @Test
    void the_parts_always_add_up_to_the_cent() {
        long seed = Long.getLong("seed", System.nanoTime());
        Random random = new Random(seed);
        for (int run = 0; run < 1000; run++) {
            Map<String, BigDecimal> weights = new LinkedHashMap<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                weights.put("K" + i, BigDecimal.valueOf(1 + random.nextInt(1_000_000_000), 2));
            }
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(100_000_000), 2);
            Map<String, BigDecimal> parts = LargestRemainder.split(amount, weights);
            assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("seed %d run %d", seed, run)
                    .isEqualByComparingTo(amount);
            assertThat(parts.keySet()).containsExactlyElementsOf(weights.keySet());
            assertThat(parts.values()).allSatisfy(part -> assertThat(part.scale()).isEqualTo(2));
        }
    }
}
