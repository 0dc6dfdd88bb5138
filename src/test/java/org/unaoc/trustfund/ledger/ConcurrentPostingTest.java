package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.db.Tables.APPROVAL;
import static org.unaoc.trustfund.db.Tables.IDEMPOTENCY_KEY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import org.unaoc.trustfund.support.Months;

/**
 * A seeded randomised run: writers post random balanced entries (in-process, and over HTTP with
 * Idempotency-Keys and retries) while readers check the invariants and the trial balance in
 * every read. Replay a failure with -Dseed=N.
 */
class ConcurrentPostingTest extends ApiTest {

    private static final String[] ACCOUNTS = {"1010", "1210", "2150", "2190", "4100", "4500", "5100", "5200", "5500", "7810"};
    /**
     * Credits leave the bank account and the cash liabilities out: an approved manual entry may not
     * overdraw the bank nor take more than the funds available (R9, R20), and this run is about balance.
     */
    private static final String[] CREDITED = {"1210", "4100", "4500", "5100", "5200", "5500", "7810"};

    @Autowired
    Journal journal;

    @Autowired
    TrialBalances trialBalances;

    @Test
    void writers_and_readers_at_once_keep_the_books_balanced_in_every_read() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("ConcurrentPostingTest seed=" + seed + " (replay with -Dseed=" + seed + ")");
        List<YearMonth> months = List.of(Months.fresh(), Months.fresh(), Months.fresh());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> keys = new ConcurrentLinkedQueue<>();
        int approvalsBefore = db.fetchCount(APPROVAL);
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            for (int w = 0; w < 4; w++) {
                Random random = new Random(seed + w);
                boolean overHttp = w == 3;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < (overHttp ? 25 : 120); i++) {
                        if (overHttp) {
                            keys.add(postOverHttp(random, months));
                        } else {
                            journal.post(randomEntry(random, months, "writer"));
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                Random random = new Random(seed + 100 + r);
                work.add(threads.submit(() -> {
                    while (writing.get()) {
                        Invariants.hold(db, "seed " + seed);
                        checkTrialBalance(randomRange(random, months), seed);
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            try {
                for (int w = 0; w < 4; w++) {
                    work.get(w).get();
                }
            } finally {
                writing.set(false); // a writer that failed must not leave the readers reading for ever
            }
            for (Future<?> each : work) {
                each.get();
            }
        }
        Invariants.hold(db, "seed " + seed + " at the end");
        assertThat(reads.get()).as("readers read while writers wrote").isPositive();
        assertThat(db.fetchCount(APPROVAL) - approvalsBefore).as("6: one request per key").isEqualTo(keys.size());
        assertThat(db.fetchCount(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY.KEY.in(keys))).isEqualTo(keys.size());
    }

    private void checkTrialBalance(LocalDate[] range, long seed) {
        TrialBalance balance = trialBalances.of(range[0], range[1]);
        TrialBalance.Row total = balance.totals();
        assertThat(total.openingDebit()).as("seed %d", seed).isEqualByComparingTo(total.openingCredit());
        assertThat(total.debits()).as("seed %d", seed).isEqualByComparingTo(total.credits());
        assertThat(total.closingDebit()).as("seed %d", seed).isEqualByComparingTo(total.closingCredit());
    }

    /** Request and approve over HTTP, each sent twice with its key, as a client retrying would. */
    private String postOverHttp(Random random, List<YearMonth> months) {
        NewEntry entry = randomEntry(random, months, "finance");
        List<Map<String, Object>> lines = entry.lines().stream().map(line -> Entries.line(line.account(),
                line.usd().signum() > 0 ? "debit" : "credit", line.usd().abs().toPlainString())).toList();
        Map<String, Object> body = Entries.entry(entry.date(), entry.description(), lines);
        String key = UUID.randomUUID().toString();
        Api.Response first = api().post("finance", "/api/journal-entries", body, key);
        Api.Response retry = api().post("finance", "/api/journal-entries", body, key);
        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        String approval = first.body().get("approval").asString();
        String approvalKey = UUID.randomUUID().toString();
        assertThat(api().post("approver", "/api/approvals/" + approval + "/approval", Map.of(), approvalKey).status()).isEqualTo(200);
        assertThat(api().post("approver", "/api/approvals/" + approval + "/approval", Map.of(), approvalKey).header("Idempotent-Replayed"))
                .isEqualTo("true");
        return key;
    }

    static NewEntry randomEntry(Random random, List<YearMonth> months, String user) {
        YearMonth month = months.get(random.nextInt(months.size()));
        LocalDate date = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        int debits = 1 + random.nextInt(3);
        List<NewLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < debits; i++) {
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2);
            total = total.add(amount);
            lines.add(NewLine.debit(ACCOUNTS[random.nextInt(ACCOUNTS.length)], amount));
        }
        BigDecimal firstCredit = total.multiply(BigDecimal.valueOf(random.nextInt(100))).divide(BigDecimal.valueOf(100), 2,
                java.math.RoundingMode.HALF_UP);
        if (firstCredit.signum() > 0) {
            lines.add(NewLine.credit(CREDITED[random.nextInt(CREDITED.length)], firstCredit));
        }
        if (total.subtract(firstCredit).signum() > 0) {
            lines.add(NewLine.credit(CREDITED[random.nextInt(CREDITED.length)], total.subtract(firstCredit)));
        }
        return NewEntry.of(date, EntryType.MANUAL, "random " + random.nextLong(), user, lines.toArray(NewLine[]::new));
    }

    static LocalDate[] randomRange(Random random, List<YearMonth> months) {
        LocalDate start = months.getFirst().atDay(1).minusDays(3);
        LocalDate end = months.getLast().atEndOfMonth().plusDays(3);
        int span = (int) (end.toEpochDay() - start.toEpochDay());
        LocalDate a = start.plusDays(random.nextInt(span));
        LocalDate b = start.plusDays(random.nextInt(span));
        return a.isBefore(b) ? new LocalDate[] {a, b} : new LocalDate[] {b, a};
    }
}
