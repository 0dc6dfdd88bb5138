package org.unaoc.trustfund.projections;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.system.Problem;

/**
 * How the future is assumed to go: receipts late by some months, a share of the announced pledges
 * collected (and whether they count as cash), an exchange-rate shock per currency, a spending
 * change per component (0.10 = ten per cent more).
 */
public record Scenario(String name, int collectionDelayMonths, BigDecimal announcedShare, boolean announcedInCash,
                       Map<String, BigDecimal> fxShock, Map<String, BigDecimal> spendingChange) {

    public Scenario {
        if (collectionDelayMonths < 0 || collectionDelayMonths > 60) {
            throw Problem.invalidField("collectionDelayMonths", "is from 0 to 60 months");
        }
        if (announcedShare == null || announcedShare.signum() < 0 || announcedShare.compareTo(BigDecimal.ONE) > 0) {
            throw Problem.invalidField("announcedShare", "is a share from 0 to 1 (1 = all announced pledges collected)");
        }
        fxShock = Map.copyOf(fxShock == null ? Map.of() : fxShock);
        spendingChange = Map.copyOf(spendingChange == null ? Map.of() : spendingChange);
        fxShock.forEach((currency, shock) -> {
            if (shock.compareTo(BigDecimal.ONE.negate()) <= 0 || shock.compareTo(BigDecimal.TEN) > 0) {
                throw Problem.invalidField("fxShock." + currency, "is a change of the USD value above -1 (-0.10 = ten per cent less)");
            }
        });
        spendingChange.forEach((component, change) -> {
            if (change.compareTo(BigDecimal.ONE.negate()) < 0 || change.compareTo(BigDecimal.TEN) > 0) {
                throw Problem.invalidField("spendingChange." + component, "is a change from -1 (no spending) upwards");
            }
        });
    }

    public static Scenario base() {
        return new Scenario("base", 0, BigDecimal.ONE, false, Map.of(), Map.of());
    }

    /** Only cash received and binding agreements, each receipt three months late. */
    public static Scenario conservative() {
        return new Scenario("conservative", 3, BigDecimal.ZERO, false, Map.of(), Map.of());
    }

    /** Announced pledges paid when announced as due. */
    public static Scenario optimistic() {
        return new Scenario("optimistic", 0, BigDecimal.ONE, true, Map.of(), Map.of());
    }

    public static Scenario named(@Nullable String name) {
        return switch (name == null ? "base" : name) {
            case "base" -> base();
            case "conservative" -> conservative();
            case "optimistic" -> optimistic();
            default -> throw Problem.invalidField("scenario", "'" + name + "' is not one of base, conservative, optimistic "
                    + "(POST /api/projections for a scenario of your own)");
        };
    }

    /** Every non-USD amount shocked by the same share: the exchange-rate sensitivity. */
    Scenario withAllCurrencies(BigDecimal shock, java.util.Set<String> currencies) {
        Map<String, BigDecimal> all = new java.util.HashMap<>();
        currencies.stream().filter(c -> !c.equals("USD")).forEach(c -> all.put(c, shock));
        return new Scenario(name + (shock.signum() < 0 ? " -" : " +") + shock.abs().movePointRight(2).stripTrailingZeros()
                .toPlainString() + "% FX", collectionDelayMonths, announcedShare, announcedInCash, all, spendingChange);
    }
}
