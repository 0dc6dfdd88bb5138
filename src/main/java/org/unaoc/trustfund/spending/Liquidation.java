package org.unaoc.trustfund.spending;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What each expenditure liquidates of its obligation, as date order gives it whatever the order of
 * recording (R16, R21). The obligation's history is replayed by date (then by the moment each event
 * was recorded): an expenditure liquidates what is open then, at most its amount; a final
 * liquidation releases what it leaves open; a reversal gives back what the expenditure had
 * liquidated (and what its final liquidation had released); an adjustment raises or lowers what is
 * committed. A pure function of the history: no database, no clock.
 */
final class Liquidation {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Liquidation() {
    }

    /** An expenditure naming the obligation, and its reversal if it has one. */
    record Spent(long expenditure, LocalDate on, Instant recorded, BigDecimal amount, boolean releasesTheRest,
                 @Nullable LocalDate reversedOn, @Nullable Instant reversalRecorded) {
    }

    /** An increase, reduction or cancellation of what the obligation commits (positive raises it). */
    record Change(long id, String kind, LocalDate on, Instant recorded, BigDecimal amount) {
    }

    /**
     * What date order gives: each expenditure's liquidation and each final liquidation's release,
     * what is open at the end of every day something happened, and the first change that would take
     * the obligation below what its expenditures had liquidated by then (none on books recorded
     * through the product's checks).
     */
    record Outcome(Map<Long, BigDecimal> liquidated, Map<Long, BigDecimal> released, NavigableMap<LocalDate, BigDecimal> open,
                   @Nullable Change beyondOpen) {

        /** Open at the end of the day. */
        BigDecimal openOn(LocalDate day, BigDecimal committed) {
            var entry = open.floorEntry(day);
            return entry == null ? committed : entry.getValue();
        }

        /** Everything liquidated by expenditures that still stand. */
        BigDecimal liquidatedInAll(List<Spent> spent) {
            return spent.stream().filter(s -> s.reversedOn() == null).map(s -> liquidated.getOrDefault(s.expenditure(), ZERO))
                    .reduce(ZERO, BigDecimal::add);
        }
    }

    private sealed interface Event permits Spending, Reversing, Changing {
        LocalDate on();

        Instant recorded();
    }

    private record Spending(Spent spent) implements Event {
        public LocalDate on() {
            return spent.on();
        }

        public Instant recorded() {
            return spent.recorded();
        }
    }

    private record Reversing(Spent spent) implements Event {
        public LocalDate on() {
            return spent.reversedOn();
        }

        public Instant recorded() {
            return spent.reversalRecorded();
        }
    }

    private record Changing(Change change) implements Event {
        public LocalDate on() {
            return change.on();
        }

        public Instant recorded() {
            return change.recorded();
        }
    }

    static Outcome replay(BigDecimal committed, List<Change> changes, List<Spent> spent) {
        List<Event> events = new ArrayList<>();
        changes.forEach(c -> events.add(new Changing(c)));
        for (Spent s : spent) {
            events.add(new Spending(s));
            if (s.reversedOn() != null) {
                events.add(new Reversing(s));
            }
        }
        events.sort(Comparator.comparing(Event::on).thenComparing(Event::recorded));
        Map<Long, BigDecimal> liquidated = new HashMap<>();
        Map<Long, BigDecimal> released = new HashMap<>();
        NavigableMap<LocalDate, BigDecimal> open = new TreeMap<>();
        BigDecimal commits = committed.setScale(2);
        BigDecimal done = ZERO;
        Change beyond = null;
        for (Event event : events) {
            switch (event) {
                case Changing(Change change) -> {
                    commits = commits.add(change.amount());
                    if (commits.compareTo(done) < 0 && beyond == null) {
                        beyond = change;
                    }
                }
                case Spending(Spent s) -> {
                    BigDecimal liquidates = s.amount().min(commits.subtract(done).max(ZERO));
                    liquidated.put(s.expenditure(), liquidates);
                    done = done.add(liquidates);
                    if (s.releasesTheRest()) {
                        BigDecimal rest = commits.subtract(done).max(ZERO);
                        released.put(s.expenditure(), rest);
                        commits = commits.subtract(rest);
                    }
                }
                case Reversing(Spent s) -> {
                    done = done.subtract(liquidated.get(s.expenditure()));
                    commits = commits.add(released.getOrDefault(s.expenditure(), ZERO));
                }
            }
            open.put(event.on(), commits.subtract(done));
        }
        return new Outcome(liquidated, released, open, beyond);
    }
}
