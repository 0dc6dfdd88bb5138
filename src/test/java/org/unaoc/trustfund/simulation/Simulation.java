package org.unaoc.trustfund.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Many seeds: each plan run in its recording order and checked; every {@code orderEvery}-th seed
 * also run in date order and in recording order without its closes, the two compared month end
 * by month end (R16). A seed that breaks a rule is shortened: operations are taken out while the
 * same kind of violation still shows, and what is left is printed with the seed.
 */
final class Simulation {

    /** The defects the simulation has found that another issue owns: counted and reported, not failed on here. */
    static final Map<String, String> KNOWN = Map.ofEntries(
            // R20 (dated availability) holds in both orders, but which of two commitments that do not both fit is
            // refused is the recording order's: the one recorded second, whichever its date
            Map.entry("order-dependent:Expenditure", "#16"), Map.entry("order-dependent:Obligation", "#16"),
            Map.entry("order-dependent:PscRemittance", "#16"),
            // an expiry refused as nothing held in one order; conditions met by spending between orders (#16 item 7,
            // restated in date order since 2 December: kept until a wide run shows none)
            Map.entry("order-dependent:ConditionExpiry", "#16"), Map.entry("order-dependent:2300,4100", "#16"),
            // the income side in any order, seen in a 60-seed run on 2 December: seed 40 (a reclassification between
            // current and non-current receivables); not seen in the 40-seed run of the same evening. Seed 30's allowance
            // (1290,6500) is cured: the allowance is in the receivable's currency and walked with it
            Map.entry("order-dependent:1210,1220", "#15"));

    record Settings(long firstSeed, int seeds, int operations, int orderEvery, int datedEvery, int shrinkRuns,
                    java.util.Set<String> without, boolean stopAtFirst) {
    }

    record Failure(long seed, Violation violation, List<Op> shortened) {
    }

    record Report(int seeds, long operations, Map<String, Integer> violationsByKind, List<Failure> failures) {
        int violations() {
            return violationsByKind.values().stream().mapToInt(Integer::intValue).sum();
        }

        String line() {
            return seeds + " seeds, " + operations + " operations, " + violations() + " violations";
        }
    }

    private final Run run;
    private final Settings settings;
    private final Consumer<String> out;

    Simulation(Run run, Settings settings, Consumer<String> out) {
        this.run = run;
        this.settings = settings;
        this.out = out;
    }

    Report go() {
        Map<String, Integer> byKind = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        long operations = 0;
        for (int i = 0; i < settings.seeds(); i++) {
            long seed = settings.firstSeed() + i;
            Generator.Plan plan = Generator.plan(seed, settings.operations(), settings.without());
            Run.Result result = run.of(plan, plan.ops(), false);
            operations += plan.ops().size();
            List<Violation> violations = new ArrayList<>(result.violations());
            if (settings.orderEvery() > 0 && seed % settings.orderEvery() == 0) {
                violations.addAll(orderIndependence(plan));
            }
            for (Violation v : violations) {
                byKind.merge(v.kind(), 1, Integer::sum);
            }
            violations.stream().filter(v -> !KNOWN.containsKey(v.kind())).findFirst().ifPresent(v -> {
                out.accept("seed " + seed + ": " + v);
                failures.add(new Failure(seed, v, shrink(plan, v)));
            });
            if (!failures.isEmpty() && settings.stopAtFirst()) {
                out.accept("stopped at the first seed that broke a rule, after " + (i + 1) + " seeds");
                return new Report(i + 1, operations, byKind, failures);
            }
            for (Violation v : violations) {
                String text = v.toString();
                out.accept("seed " + seed + " " + (text.length() > 1500 ? text.substring(0, 1500) + "…" : text));
            }
        }
        return new Report(settings.seeds(), operations, byKind, failures);
    }

    /**
     * R16: the same operations recorded as planned and in date order are accepted or refused alike
     * and give the same trial balance at every month end. An operation answered differently names
     * the kind (order-dependent:Expenditure); otherwise the accounts that differ do.
     */
    private List<Violation> orderIndependence(Generator.Plan plan) {
        List<Op> recorded = plan.ops().stream().filter(op -> !op.closing()).toList();
        List<Op> dated = new ArrayList<>(recorded);
        dated.sort(Comparator.comparing(Op::date).thenComparing(op -> op instanceof Op.Revaluation ? 1 : 0));
        Run.Result asRecorded = run.of(plan, recorded, true);
        Run.Result inDateOrder = run.of(plan, dated, true);
        for (Op op : dated) {
            Integer a = asRecorded.outcomes().get(op);
            Integer b = inDateOrder.outcomes().get(op);
            if (a != null && b != null && (a < 300) != (b < 300)) {
                return List.of(new Violation("order-dependent:" + op.getClass().getSimpleName(), op + " answered " + a
                        + " as recorded and " + b + " in date order", recorded.indexOf(op), op));
            }
        }
        for (var month : inDateOrder.trialBalances().entrySet()) {
            var other = asRecorded.trialBalances().getOrDefault(month.getKey(), Map.of());
            if (!equal(month.getValue(), other)) {
                java.util.Set<String> accounts = new java.util.TreeSet<>(month.getValue().keySet());
                accounts.addAll(other.keySet());
                accounts.removeIf(code -> month.getValue().getOrDefault(code, java.math.BigDecimal.ZERO)
                        .compareTo(other.getOrDefault(code, java.math.BigDecimal.ZERO)) == 0);
                boolean cents = accounts.stream().allMatch(code -> month.getValue().getOrDefault(code, java.math.BigDecimal.ZERO)
                        .subtract(other.getOrDefault(code, java.math.BigDecimal.ZERO)).abs().compareTo(new java.math.BigDecimal("0.05")) <= 0);
                return List.of(new Violation("order-dependent:" + (cents ? "cents" : String.join(",", accounts)), "the trial balance at the end of "
                        + month.getKey() + " is " + other + " as recorded and " + month.getValue() + " in date order",
                        recorded.size()));
            }
        }
        return List.of();
    }

    private static boolean equal(Map<String, java.math.BigDecimal> a, Map<String, java.math.BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    /** Takes operations out, halves then smaller pieces, while the run still shows the kind; prints what is left. */
    List<Op> shrink(Generator.Plan plan, Violation violation) {
        String kind = violation.kind();
        List<Op> ops = new ArrayList<>(plan.ops());
        int runs = 0;
        for (int chunk = Math.max(1, ops.size() / 2); chunk >= 1 && runs < settings.shrinkRuns(); chunk /= 2) {
            for (int start = 0; start < ops.size() && runs < settings.shrinkRuns(); ) {
                List<Op> shorter = new ArrayList<>(ops.subList(0, start));
                shorter.addAll(ops.subList(Math.min(ops.size(), start + chunk), ops.size()));
                runs++;
                if (!shorter.isEmpty() && (violation.op() == null || shorter.contains(violation.op()))
                        && stillFails(plan, shorter, violation)) {
                    ops = shorter;
                } else {
                    start += chunk;
                }
            }
        }
        out.accept("seed " + plan.seed() + " shortened to " + ops.size() + " operations (" + runs + " runs) for " + kind + ":");
        for (Op op : ops) {
            out.accept("  " + op);
        }
        return ops;
    }

    /** The same kind again, about the same operation when the violation named one. */
    private boolean stillFails(Generator.Plan plan, List<Op> ops, Violation violation) {
        if (violation.kind().startsWith("order-dependent")) {
            return orderIndependence(new Generator.Plan(plan.seed(), plan.rates(), ops)).stream()
                    .anyMatch(v -> v.kind().equals(violation.kind()));
        }
        return run.of(plan, ops, false).violations().stream().anyMatch(v -> v.kind().equals(violation.kind())
                && (violation.op() == null || violation.op().equals(v.op())));
    }
}
