package org.unaoc.trustfund.currency;

/**
 * What the books do when a rate is corrected for dates on which entries already used another one
 * (R16: a rate published late is the rate of its dates all along). Implemented where the entries
 * are (contributions); the currency feature only publishes the rate.
 */
public interface RateRestatement {

    /**
     * The dates a corrected rate governs: from its effective date up to, not including, the next
     * rate published for the currency ({@code until} null: no later rate).
     */
    record Corrected(String currency, java.time.LocalDate from, java.time.@org.jspecify.annotations.Nullable LocalDate until,
                     java.math.BigDecimal rate) {
    }

    /** Refuses, naming the entries, a correction whose entries cannot be restated; writes nothing. */
    void check(Corrected corrected);

    /** Adjusts the entries that used another rate on those dates, the rate already stored. */
    void restate(Corrected corrected, String user);
}
