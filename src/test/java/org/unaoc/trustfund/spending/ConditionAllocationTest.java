package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The allocation of spending to conditions in date order, without Spring or a database. Figures by hand (J-E's). */
class ConditionAllocationTest {

    private static final int SPENDING = ConditionAllocation.Fact.SPENDING;

    @Test
    void each_agreement_is_met_by_spending_in_its_own_window() {
        var a = terms("2006-03-01", "2006-12-31");
        var b = terms("2007-03-01", "2007-12-31");
        var met = ConditionAllocation.of(List.of(a, b), List.of(
                fact("2006-04-01", 1, null, "200000.00", 0),
                fact("2006-05-15", 2, null, "169500.00", SPENDING),
                fact("2007-04-01", 3, null, "200000.00", 1),
                fact("2007-05-15", 4, null, "169500.00", SPENDING)));
        assertThat(met.get(0).lastEntry().getValue()).isEqualByComparingTo("169500.00");
        assertThat(met.get(1).lastEntry().getValue()).isEqualByComparingTo("169500.00");
        assertThat(met.get(1).floorEntry(LocalDate.parse("2007-04-30")).getValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void spending_before_the_cash_is_met_when_the_cash_arrives_and_only_up_to_the_cash() {
        var met = ConditionAllocation.of(List.of(terms("2006-03-01", "2006-12-31")), List.of(
                fact("2006-03-15", 1, null, "250000.00", SPENDING),
                fact("2006-04-01", 2, null, "200000.00", 0)));
        assertThat(met.getFirst().get(LocalDate.parse("2006-03-15"))).isEqualByComparingTo("0.00");
        assertThat(met.getFirst().get(LocalDate.parse("2006-04-01"))).isEqualByComparingTo("200000.00");
    }

    @Test
    void a_reversal_gives_back_what_its_expenditure_met_and_reversed_cash_frees_the_spending() {
        var first = terms("2006-03-01", "2006-12-31");
        var met = ConditionAllocation.of(List.of(first), List.of(
                fact("2006-04-01", 1, null, "200000.00", 0),
                fact("2006-05-15", 2, null, "100000.00", SPENDING),
                fact("2006-05-20", 3, null, "50000.00", SPENDING),
                fact("2006-06-01", 4, 2L, "-100000.00", SPENDING),
                fact("2006-07-01", 5, null, "-200000.00", 0),
                fact("2006-08-01", 6, null, "30000.00", 0)));
        assertThat(met.getFirst().get(LocalDate.parse("2006-05-20"))).isEqualByComparingTo("150000.00");
        assertThat(met.getFirst().get(LocalDate.parse("2006-06-01"))).isEqualByComparingTo("50000.00");
        assertThat(met.getFirst().get(LocalDate.parse("2006-07-01"))).isEqualByComparingTo("0.00");
        // the 50,000.00 left standing is free again and meets the new cash, up to 30,000.00
        assertThat(met.getFirst().get(LocalDate.parse("2006-08-01"))).isEqualByComparingTo("30000.00");
    }

    @Test
    void spending_after_the_deadline_or_before_the_signature_does_not_count() {
        var met = ConditionAllocation.of(List.of(terms("2006-03-01", "2006-06-30")), List.of(
                fact("2006-02-15", 1, null, "10000.00", SPENDING),
                fact("2006-04-01", 2, null, "200000.00", 0),
                fact("2006-07-15", 3, null, "10000.00", SPENDING)));
        assertThat(met.getFirst().lastEntry().getValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void an_expired_agreement_keeps_what_is_posted_and_its_spending_is_used() {
        NavigableMap<LocalDate, BigDecimal> posted = new TreeMap<>();
        posted.put(LocalDate.parse("2006-05-15"), new BigDecimal("40000.00"));
        var expired = new ConditionAllocation.Terms(LocalDate.parse("2006-03-01"), LocalDate.parse("2006-12-31"), true, posted);
        var later = terms("2006-03-01", "2006-12-31");
        var met = ConditionAllocation.of(List.of(expired, later), List.of(
                fact("2006-04-01", 1, null, "200000.00", 0),
                fact("2006-04-01", 2, null, "100000.00", 1),
                fact("2006-05-15", 3, null, "100000.00", SPENDING)));
        assertThat(met.get(0).lastEntry().getValue()).isEqualByComparingTo("40000.00");
        assertThat(met.get(1).lastEntry().getValue()).isEqualByComparingTo("60000.00");
    }

    /** Spending before every signature is not read; its reversal, later, must not take back spending that counts. */
    @Test
    void the_reversal_of_spending_that_never_counted_gives_nothing_back() {
        var met = ConditionAllocation.of(List.of(terms("2006-03-01", "2006-12-31")), List.of(
                fact("2006-04-01", 2, null, "200000.00", 0),
                fact("2006-05-15", 3, null, "50000.00", SPENDING),
                fact("2006-06-01", 4, 1L, "-30000.00", SPENDING)));
        assertThat(met.getFirst().lastEntry().getValue()).isEqualByComparingTo("50000.00");
    }

    private static ConditionAllocation.Terms terms(String signedOn, String deadline) {
        return new ConditionAllocation.Terms(LocalDate.parse(signedOn), LocalDate.parse(deadline), false, new TreeMap<>());
    }

    private static ConditionAllocation.Fact fact(String day, long entry, Long reverses, String amount, int agreement) {
        return new ConditionAllocation.Fact(LocalDate.parse(day), entry, reverses, new BigDecimal(amount), agreement);
    }
}
