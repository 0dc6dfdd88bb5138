package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import org.unaoc.trustfund.support.Months;
import tools.jackson.databind.JsonNode;

/**
 * R7 in a seeded randomised run: agreements in GBP and SEK, partial receipts at several rates
 * (into a GBP account, and converted by the bank into the USD account), revaluations and
 * reclassifications between them; after every step R7 holds for every agreement, in USD and in
 * the agreement's currency. Replay with -Dseed=N.
 */
class ExchangeInvariantTest extends FreshBooksTest {

    private static final String GBP_IBAN = "GB29NWBK60161331926819";

    @Test
    void r7_holds_for_every_agreement_after_every_step() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("ExchangeInvariantTest seed=" + seed + " (replay with -Dseed=" + seed + ")");
        Random random = new Random(seed);
        Books books = new Books(api());
        books.contributor("GB", "United Kingdom", "GOVERNMENT", false, true);
        books.contributor("SE", "Sweden", "GOVERNMENT", false, true);
        String gbpAccount = gbpAccount();
        List<YearMonth> months = List.of(Months.fresh(), Months.fresh(), Months.fresh(), Months.fresh(), Months.fresh(),
                Months.fresh());
        StringBuilder rates = new StringBuilder("currency,effectiveFrom,rate\n");
        for (YearMonth month : months) {
            for (int half : new int[] {1, 16}) {
                rates.append("GBP,").append(month.atDay(half)).append(',')
                        .append(BigDecimal.valueOf(50000 + random.nextInt(10000), 5)).append('\n');
                rates.append("SEK,").append(month.atDay(half)).append(',')
                        .append(BigDecimal.valueOf(650000 + random.nextInt(200000), 5)).append('\n');
            }
        }
        books.rates(rates.toString());

        List<Long> agreements = new ArrayList<>();
        LocalDate signed = months.getFirst().atDay(2);
        for (int i = 0; i < 8; i++) {
            String currency = random.nextBoolean() ? "GBP" : "SEK";
            List<Map<String, Object>> tranches = new ArrayList<>();
            for (int t = 0; t < 1 + random.nextInt(3); t++) {
                tranches.add(tranche(signed.plusMonths(1 + random.nextInt(20)).toString(),
                        BigDecimal.valueOf(100_000 + random.nextInt(50_000_000), 2).toPlainString(), currency));
            }
            agreements.add(books.agreement(currency.equals("GBP") ? "GB" : "SE", signed.toString(), tranches, Map.of())
                    .get("id").asLong());
        }
        LocalDate today = signed;
        for (int step = 0; step < 40; step++) {
            today = today.plusDays(1 + random.nextInt(3));
            int action = random.nextInt(10);
            if (action < 7) {
                pay(books, random, agreements.get(random.nextInt(agreements.size())), today, gbpAccount);
            } else if (action < 9) {
                assertThat(api().post("finance", "/api/revaluations", Map.of("asOf", today.toString())).status()).isEqualTo(201);
            } else {
                assertThat(api().post("finance", "/api/reclassifications", Map.of("asOf", today.toString())).status()).isEqualTo(201);
            }
            for (long agreement : agreements) {
                Books.r7Holds(db, agreement);
            }
        }
        org.unaoc.trustfund.ledger.InvariantsCheck.hold(db, "seed " + seed);
    }

    private void pay(Books books, Random random, long agreement, LocalDate on, String gbpAccount) {
        JsonNode view = api().get("finance", "/api/agreements/" + agreement).body();
        String currency = view.get("currency").asString();
        List<JsonNode> open = view.get("tranches").valueStream()
                .filter(t -> new BigDecimal(t.get("outstanding").get("amount").asString()).signum() > 0).toList();
        if (open.isEmpty()) {
            return;
        }
        JsonNode tranche = open.get(random.nextInt(open.size()));
        BigDecimal outstanding = new BigDecimal(tranche.get("outstanding").get("amount").asString());
        BigDecimal amount = switch (random.nextInt(4)) {
            case 0 -> outstanding;
            case 1 -> outstanding.add(new BigDecimal("25.00"));
            default -> outstanding.multiply(BigDecimal.valueOf(10 + random.nextInt(80))).divide(BigDecimal.valueOf(100), 2,
                    RoundingMode.DOWN).max(new BigDecimal("1.00"));
        };
        Map<String, Object> receipt = new java.util.HashMap<>(Map.of("agreement", agreement, "tranche",
                tranche.get("number").asInt(), "amount", money(amount.toPlainString(), currency), "receivedOn", on.toString(),
                "bankReference", "R7-" + UUID.randomUUID()));
        if (currency.equals("GBP") && random.nextBoolean()) {
            receipt.put("bankAccount", gbpAccount);
        } else {
            receipt.put("bankAccount", "1010");
            receipt.put("usdCredited", amount.multiply(BigDecimal.valueOf(currency.equals("GBP") ? 18 : 14))
                    .divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP).toPlainString());
        }
        Api.Response response = api().post("finance", "/api/receipts", receipt);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private String gbpAccount() {
        String existing = db.fetchOptional("SELECT code FROM account WHERE iban = ?", GBP_IBAN).map(r -> r.get(0, String.class))
                .orElse(null);
        if (existing != null) {
            return existing;
        }
        String code = String.valueOf(db.fetchSingle("SELECT max(id) + 1 FROM account WHERE id < 1100").get(0, Integer.class));
        Api.Response added = api().post("finance", "/api/accounts", Map.of("code", code, "name", "Cash — GBP bank account",
                "currency", "GBP", "iban", GBP_IBAN));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return code;
    }
}
