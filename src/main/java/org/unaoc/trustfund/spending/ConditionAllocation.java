package org.unaoc.trustfund.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What date order gives met for each conditional agreement of one component (R4, R16, R21), in
 * plain Java over the facts read from the journal. Days are taken in order; on each, spending and
 * cash come in (or go, when reversed), then each open agreement, oldest first, meets what it holds
 * with spending not yet used from its signature to its deadline. A reversed expenditure gives back
 * what it met; reversed cash takes back met spending, which is free again. An expired agreement
 * keeps what is posted for it and meets nothing more.
 */
final class ConditionAllocation {

    /** A posting of spending on the component (PSC included), or of cash under one agreement's condition. */
    record Fact(LocalDate day, long entry, @Nullable Long reverses, BigDecimal amount, int agreement) {
        static final int SPENDING = -1;
    }

    record Terms(LocalDate signedOn, LocalDate deadline, boolean expired, NavigableMap<LocalDate, BigDecimal> posted) {
    }

    private static final class Chunk {
        final LocalDate day;
        BigDecimal free;

        Chunk(LocalDate day, BigDecimal free) {
            this.day = day;
            this.free = free;
        }
    }

    private record Use(Chunk chunk, BigDecimal amount) {
    }

    private final List<Terms> agreements;
    private final List<Chunk> chunks = new ArrayList<>();
    private final Map<Long, Chunk> byEntry = new HashMap<>();
    private final List<Deque<Use>> uses = new ArrayList<>();
    private final BigDecimal[] held;
    private final BigDecimal[] met;

    private ConditionAllocation(List<Terms> agreements) {
        this.agreements = agreements;
        this.held = new BigDecimal[agreements.size()];
        this.met = new BigDecimal[agreements.size()];
        for (int k = 0; k < agreements.size(); k++) {
            held[k] = BigDecimal.ZERO;
            met[k] = BigDecimal.ZERO;
            uses.add(new ArrayDeque<>());
        }
    }

    /** Per agreement (in the order given), per day on which it changes: what is met by the end of that day. */
    static List<NavigableMap<LocalDate, BigDecimal>> of(List<Terms> agreements, List<Fact> facts) {
        ConditionAllocation allocation = new ConditionAllocation(agreements);
        NavigableMap<LocalDate, List<Fact>> byDay = new TreeMap<>();
        for (Fact fact : facts) {
            byDay.computeIfAbsent(fact.day(), d -> new ArrayList<>()).add(fact);
        }
        for (Terms terms : agreements) {
            terms.posted().keySet().forEach(day -> byDay.computeIfAbsent(day, d -> new ArrayList<>()));
        }
        List<NavigableMap<LocalDate, BigDecimal>> target = new ArrayList<>();
        agreements.forEach(a -> target.add(new TreeMap<>()));
        for (var day : byDay.entrySet()) {
            day.getValue().forEach(allocation::take);
            allocation.meet(day.getKey());
            for (int k = 0; k < agreements.size(); k++) {
                target.get(k).put(day.getKey(), allocation.met[k]);
            }
        }
        return target;
    }

    private void take(Fact fact) {
        if (fact.agreement() == Fact.SPENDING) {
            Chunk reversed = fact.reverses() == null ? null : byEntry.get(fact.reverses());
            if (reversed != null && fact.amount().signum() < 0) {
                giveBack(reversed, fact.amount().negate());
            } else if (fact.reverses() != null && fact.amount().signum() < 0) {
                return; // the reversal of spending that never counted (before every signature): nothing to give back
            } else if (fact.amount().signum() > 0) {
                Chunk chunk = new Chunk(fact.day(), fact.amount());
                chunks.add(chunk);
                byEntry.put(fact.entry(), chunk);
            } else {
                takeFreeSpending(fact.amount().negate());
            }
            return;
        }
        int k = fact.agreement();
        held[k] = held[k].add(fact.amount());
        if (held[k].signum() < 0 && !agreements.get(k).expired()) {
            unmeet(k, held[k].negate());
        }
    }

    /** A reversed expenditure: what of it is free goes first, then what it met, from the agreements that used it. */
    private void giveBack(Chunk chunk, BigDecimal amount) {
        BigDecimal fromFree = chunk.free.min(amount);
        chunk.free = chunk.free.subtract(fromFree);
        BigDecimal left = amount.subtract(fromFree);
        for (int k = agreements.size() - 1; k >= 0 && left.signum() > 0; k--) {
            for (var it = uses.get(k).descendingIterator(); it.hasNext() && left.signum() > 0; ) {
                Use use = it.next();
                if (use.chunk() != chunk) {
                    continue;
                }
                BigDecimal back = use.amount().min(left);
                it.remove();
                if (back.compareTo(use.amount()) < 0) {
                    uses.get(k).addLast(new Use(chunk, use.amount().subtract(back)));
                }
                met[k] = met[k].subtract(back);
                held[k] = held[k].add(back);
                left = left.subtract(back);
            }
        }
    }

    private void takeFreeSpending(BigDecimal amount) {
        BigDecimal left = amount;
        for (int i = chunks.size() - 1; i >= 0 && left.signum() > 0; i--) {
            BigDecimal taken = chunks.get(i).free.min(left);
            chunks.get(i).free = chunks.get(i).free.subtract(taken);
            left = left.subtract(taken);
        }
    }

    /** Cash under the condition taken back: what it had met is met no longer, and that spending is free again. */
    private void unmeet(int k, BigDecimal amount) {
        BigDecimal left = amount.min(met[k]);
        while (left.signum() > 0 && !uses.get(k).isEmpty()) {
            Use use = uses.get(k).removeLast();
            BigDecimal back = use.amount().min(left);
            if (back.compareTo(use.amount()) < 0) {
                uses.get(k).addLast(new Use(use.chunk(), use.amount().subtract(back)));
            }
            use.chunk().free = use.chunk().free.add(back);
            met[k] = met[k].subtract(back);
            held[k] = held[k].add(back);
            left = left.subtract(back);
        }
    }

    private void meet(LocalDate day) {
        for (int k = 0; k < agreements.size(); k++) {
            Terms terms = agreements.get(k);
            if (terms.expired()) {
                // what is posted for it stands; the spending it met is used
                BigDecimal posted = terms.posted().headMap(day, true).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                use(k, terms, posted.subtract(met[k]));
                continue;
            }
            if (day.isBefore(terms.signedOn())) {
                continue;
            }
            use(k, terms, held[k]);
        }
    }

    private void use(int k, Terms terms, BigDecimal wanted) {
        BigDecimal left = wanted;
        for (Chunk chunk : chunks) {
            if (left.signum() <= 0) {
                break;
            }
            if (chunk.free.signum() <= 0 || chunk.day.isBefore(terms.signedOn()) || chunk.day.isAfter(terms.deadline())) {
                continue;
            }
            BigDecimal taken = chunk.free.min(left);
            chunk.free = chunk.free.subtract(taken);
            uses.get(k).addLast(new Use(chunk, taken));
            met[k] = met[k].add(taken);
            held[k] = held[k].subtract(taken);
            left = left.subtract(taken);
        }
    }
}
