package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unaoc.trustfund.contributions.R7;
import org.unaoc.trustfund.ledger.InvariantsCheck;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/** Commitments at the same moment never overspend; a seeded mix of everything keeps the books whole. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the seeded mix last: what it leaves is random
class CommitmentRaceTest extends FreshBooksTest {

    @Test
    @Order(1)
    void two_commitments_that_each_fit_but_not_together_exactly_one_succeeds() throws Exception {
        Spend spend = new Spend(api());
        spend.contributor("DK");
        spend.cash("DK", "113000.00", "2010-01-05");
        for (int round = 0; round < 3; round++) {
            BigDecimal before = available("HLG");
            // each costs 60% of what is available to HLG (PSC included): one fits, two do not
            String amount = before.multiply(new BigDecimal("0.6")).divide(new BigDecimal("1.13"), 2,
                    java.math.RoundingMode.DOWN).toPlainString();
            List<Api.Response> answers = race(2, i -> spend.obligation(commitment("HLG", "TRAVEL", amount, "2010-01-06")));
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
            assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
            assertThat(available("HLG")).isNotNegative();
        }
    }

    @Test
    @Order(2)
    void many_threads_committing_never_push_availability_below_zero() throws Exception {
        Spend spend = new Spend(api());
        spend.contributor("IE");
        spend.cash("IE", "250000.00", "2011-01-05");
        // measured on the commitments' date: the operating reserve follows that year's cost plans
        BigDecimal before = new BigDecimal(api().get("finance", "/api/availability?component=SECRETARIAT&asOf=2011-01-06")
                .body().get("available").asString());
        // each commitment costs 33,900.00 with PSC: four more threads than can succeed, so that some must be refused
        long fit = before.divideToIntegralValue(new BigDecimal("33900.00")).longValue();
        List<Api.Response> answers = race((int) fit + 4, i -> i % 2 == 0
                ? spend.obligation(commitment("SECRETARIAT", "OPERATING", "30000.00", "2011-01-06"))
                : spend.expenditure(commitment("SECRETARIAT", "STAFF", "30000.00", "2011-01-06")));
        long accepted = answers.stream().filter(a -> a.status() == 201).count();
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        // every refusal is for want of funds, none for the race itself
        assertThat(answers).filteredOn(a -> a.status() == 409).allSatisfy(a -> assertThat(a.text()).contains("insufficient-funds"));
        assertThat(available("SECRETARIAT")).isNotNegative();
        // as many as fit, and not one more
        assertThat(accepted).isEqualTo(fit);
        InvariantsCheck.hold(db, "after the race");
    }

    @Test
    @Order(3)
    void a_seeded_mix_of_receipts_commitments_spending_reversals_and_write_offs_keeps_the_invariants() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("CommitmentRaceTest mix seed=" + seed + " (replay with -Dseed=" + seed + ")");
        Random random = new Random(seed);
        Spend spend = new Spend(api());
        spend.contributor("NL");
        List<Long> agreements = new ArrayList<>();
        List<Long> expenditures = new ArrayList<>();
        LocalDate day = LocalDate.of(2012, 1, 2);
        String[] components = {"HLG", "RESEARCH", "SECRETARIAT"};
        for (int step = 0; step < 60; step++) {
            day = day.plusDays(random.nextInt(3));
            String amount = BigDecimal.valueOf(100_00 + random.nextInt(5_000_000), 2).toPlainString();
            switch (random.nextInt(7)) {
                case 0 -> spend.cash("NL", amount, day.toString());
                case 1 -> {
                    Api.Response signed = api().post("finance", "/api/agreements", Map.of("contributor", "NL",
                            "reference", "NL-" + UUID.randomUUID(), "signedOn", day.toString(),
                            "earmark", components[random.nextInt(3)],
                            "tranches", List.of(Map.of("dueOn", day.plusMonths(2).toString(), "amount", Spend.usd(amount)))));
                    assertThat(signed.status()).as(signed.text()).isEqualTo(201);
                    agreements.add(signed.body().get("id").asLong());
                }
                case 2 -> {
                    if (!agreements.isEmpty()) {
                        long agreement = agreements.get(random.nextInt(agreements.size()));
                        Api.Response paid = api().post("finance", "/api/receipts", Map.of("agreement", agreement,
                                "amount", Spend.usd(amount), "receivedOn", day.toString(), "bankAccount", "1010",
                                "bankReference", "MIX-" + UUID.randomUUID()));
                        assertThat(paid.status()).as(paid.text()).isIn(201, 409);
                    }
                }
                case 3 -> assertThat(spend.obligation(commitment(components[random.nextInt(3)], "TRAVEL", amount,
                        day.toString())).status()).isIn(201, 409);
                case 4 -> {
                    Api.Response spent = spend.expenditure(commitment(components[random.nextInt(3)], "STAFF", amount, day.toString()));
                    assertThat(spent.status()).as(spent.text()).isIn(201, 409);
                    if (spent.status() == 201) {
                        expenditures.add(spent.body().get("entry").get("id").asLong());
                    }
                }
                case 5 -> {
                    if (!expenditures.isEmpty()) {
                        long entry = expenditures.remove(random.nextInt(expenditures.size()));
                        spend.approve(api().post("finance", "/api/journal-entries/" + entry + "/reversal",
                                Map.of("date", day.toString(), "reason", "charged in error")));
                    }
                }
                default -> {
                    if (!agreements.isEmpty()) {
                        long agreement = agreements.get(random.nextInt(agreements.size()));
                        Api.Response requested = api().post("finance", "/api/write-offs", Map.of("agreement", agreement,
                                "date", day.toString(), "reason", "uncollectable"));
                        if (requested.status() == 202) {
                            spend.approve(requested);
                        } else {
                            assertThat(requested.status()).as(requested.text()).isEqualTo(422);
                        }
                    }
                }
            }
            InvariantsCheck.hold(db, "seed " + seed + " step " + step);
            agreements.forEach(agreement -> R7.holds(db, agreement));
        }
    }

    /** What the component may still commit (cash earmarked for other components excluded). */
    private BigDecimal available(String component) {
        JsonNode figures = api().get("finance", "/api/availability?component=" + component).body();
        return new BigDecimal(figures.get("available").asString());
    }

    private interface Call {
        Api.Response call(int index);
    }

    private static List<Api.Response> race(int threads, Call call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
        }
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
