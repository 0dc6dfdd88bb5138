package org.unaoc.trustfund.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/** The simulated UN operational rates (currency units per USD): a monthly random walk, some mid-month changes. */
final class Rates {

    static final Map<String, BigDecimal> START = Map.of("EUR", new BigDecimal("0.80000"), "NOK", new BigDecimal("6.5000"),
            "GBP", new BigDecimal("0.55000"));

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> table = new HashMap<>();

    static Rates generate(Random random, LocalDate from, LocalDate to) {
        Rates rates = new Rates();
        for (String currency : new java.util.TreeSet<>(START.keySet())) {
            BigDecimal rate = START.get(currency);
            for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
                rate = step(random, rate);
                rates.put(currency, month, rate);
                if (random.nextInt(8) == 0) {
                    rate = step(random, rate);
                    rates.put(currency, month.withDayOfMonth(16), rate);
                }
            }
        }
        return rates;
    }

    private static BigDecimal step(Random random, BigDecimal rate) {
        double change = 1 + (random.nextDouble() - 0.5) * 0.06;
        return rate.multiply(BigDecimal.valueOf(change)).setScale(rate.scale(), RoundingMode.HALF_UP);
    }

    /** These rates with more published on top (a late rate replaces one of the same day). */
    Rates with(List<Op.LateRate> late) {
        Rates rates = new Rates();
        table.forEach((currency, byDate) -> rates.table.put(currency, new TreeMap<>(byDate)));
        late.forEach(rate -> rates.put(rate.currency(), rate.date(), rate.rate()));
        return rates;
    }

    void put(String currency, LocalDate from, BigDecimal rate) {
        table.computeIfAbsent(currency, c -> new TreeMap<>()).put(from, rate);
    }

    BigDecimal on(String currency, LocalDate date) {
        var entry = table.get(currency).floorEntry(date);
        if (entry == null) {
            throw new IllegalStateException("no simulated rate for " + currency + " on " + date);
        }
        return entry.getValue();
    }

    String csv() {
        StringBuilder csv = new StringBuilder("currency,effectiveFrom,rate\n");
        new TreeMap<>(table).forEach((currency, rates) -> rates.forEach((from, rate) ->
                csv.append(currency).append(',').append(from).append(',').append(rate.toPlainString()).append('\n')));
        return csv.toString();
    }
}
