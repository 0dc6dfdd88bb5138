package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R21 in date order, without Spring or a database: what each expenditure liquidates is what the
 * obligation's history replayed by date gives, whatever order it was recorded in. Figures by hand.
 */
class LiquidationTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_reversal_dated_before_a_later_liquidation_frees_the_obligation_for_it() {
        // 1,000.00 obligated; 600.00 (March) and 300.00 (May) liquidate; the May one is reversed in
        // June, recorded after the September 200.00: September finds 1,000 − 600 = 400 open and takes 200
        var outcome = Liquidation.replay(new BigDecimal("1000.00"), List.of(), List.of(
                spent(1, "2011-03-01", 1, "600.00"),
                reversed(spent(2, "2011-05-01", 2, "300.00"), "2011-06-01", 4),
                spent(3, "2011-09-01", 3, "200.00")));
        assertThat(outcome.liquidated()).containsEntry(1L, new BigDecimal("600.00")).containsEntry(2L, new BigDecimal("300.00"))
                .containsEntry(3L, new BigDecimal("200.00"));
        assertThat(outcome.openOn(LocalDate.parse("2011-05-31"), new BigDecimal("1000.00"))).isEqualByComparingTo("100.00");
        assertThat(outcome.openOn(LocalDate.parse("2011-09-30"), new BigDecimal("1000.00"))).isEqualByComparingTo("200.00");
    }

    @Test
    void a_reversed_liquidation_gives_back_what_it_liquidated_not_what_later_ones_could_not() {
        // seed 10 of the simulation: 42,997.36 obligated; 34,867.63 then five smaller ones, the last
        // (36.69) finding 36.05 open; the first reversed later: 34,867.63 open again, not 34,866.99
        var outcome = Liquidation.replay(new BigDecimal("42997.36"), List.of(), List.of(
                reversed(spent(8, "2006-12-11", 1, "34867.63"), "2008-09-28", 9),
                spent(10, "2007-04-12", 2, "5590.30"), spent(11, "2007-06-29", 3, "1361.70"),
                spent(12, "2007-06-30", 4, "704.36"), spent(13, "2007-07-09", 5, "437.32"),
                spent(14, "2007-07-28", 6, "36.69")));
        assertThat(outcome.liquidated().get(14L)).isEqualByComparingTo("36.05");
        assertThat(outcome.openOn(LocalDate.parse("2008-08-31"), new BigDecimal("42997.36"))).isEqualByComparingTo("0.00");
        assertThat(outcome.openOn(LocalDate.parse("2008-09-30"), new BigDecimal("42997.36"))).isEqualByComparingTo("34867.63");
    }

    @Test
    void the_same_history_recorded_in_another_order_gives_the_same_liquidations() {
        var asRecorded = Liquidation.replay(new BigDecimal("1000.00"), List.of(), List.of(
                spent(3, "2011-09-01", 1, "200.00"), reversed(spent(2, "2011-05-01", 2, "300.00"), "2011-06-01", 4),
                spent(1, "2011-03-01", 3, "600.00")));
        assertThat(asRecorded.liquidated()).containsEntry(1L, new BigDecimal("600.00"))
                .containsEntry(2L, new BigDecimal("300.00")).containsEntry(3L, new BigDecimal("200.00"));
    }

    @Test
    void a_final_liquidation_releases_what_it_leaves_and_less_when_an_earlier_one_is_recorded_after_it() {
        // 100,000.00 liquidated by 95,000.00 as final: 5,000.00 released. A 2,000.00 expenditure dated
        // before it, recorded after: the final one liquidates 95,000.00 of the 98,000.00 then open and releases 3,000.00
        var alone = Liquidation.replay(new BigDecimal("100000.00"), List.of(), List.of(
                new Liquidation.Spent(1, LocalDate.parse("2006-09-01"), T, new BigDecimal("95000.00"), true, null, null)));
        assertThat(alone.released()).containsEntry(1L, new BigDecimal("5000.00"));
        var backDated = Liquidation.replay(new BigDecimal("100000.00"), List.of(), List.of(
                new Liquidation.Spent(1, LocalDate.parse("2006-09-01"), T, new BigDecimal("95000.00"), true, null, null),
                spent(2, "2006-08-01", 2, "2000.00")));
        assertThat(backDated.released()).containsEntry(1L, new BigDecimal("3000.00"));
        assertThat(backDated.openOn(LocalDate.parse("2006-09-30"), new BigDecimal("100000.00"))).isEqualByComparingTo("0.00");
    }

    @Test
    void a_liquidation_dated_before_a_cancellation_would_take_what_it_released() {
        // 1,000.00 cancelled on 1 June (all 1,000.00 open then); an expenditure of 100.00 dated in May
        var outcome = Liquidation.replay(new BigDecimal("1000.00"),
                List.of(new Liquidation.Change(7, "CANCELLATION", LocalDate.parse("2011-06-01"), T, new BigDecimal("-1000.00"))),
                List.of(spent(1, "2011-05-01", 2, "100.00")));
        assertThat(outcome.beyondOpen()).isNotNull();
        assertThat(outcome.beyondOpen().id()).isEqualTo(7L);
    }

    private static Liquidation.Spent spent(long id, String on, int recorded, String amount) {
        return new Liquidation.Spent(id, LocalDate.parse(on), T.plusSeconds(recorded), new BigDecimal(amount), false, null, null);
    }

    private static Liquidation.Spent reversed(Liquidation.Spent spent, String on, int recorded) {
        return new Liquidation.Spent(spent.expenditure(), spent.on(), spent.recorded(), spent.amount(), spent.releasesTheRest(),
                LocalDate.parse(on), T.plusSeconds(recorded));
    }
}
