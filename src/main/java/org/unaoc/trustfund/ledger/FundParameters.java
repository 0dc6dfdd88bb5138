package org.unaoc.trustfund.ledger;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.FUND;
import static org.unaoc.trustfund.db.Tables.FUND_RATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.system.Problem;

/**
 * The fund's parameters: name, functional currency, the term of the Group, and the rates in
 * force from a date (PSC, operating reserve, bank-charge tolerance), changed only through approval.
 */
@Service
public class FundParameters {

    private final DSLContext db;

    FundParameters(DSLContext db) {
        this.db = db;
    }

    public record Rates(LocalDate effectiveFrom, BigDecimal pscRate, BigDecimal operatingReserveRate,
                        BigDecimal bankChargeTolerance, List<String> pscExemptAccounts) {
    }

    public record Fund(String name, String functionalCurrency, BigDecimal pscRate, BigDecimal operatingReserveRate,
                       BigDecimal bankChargeTolerance, LocalDate groupTermEndsOn, String status,
                       @Nullable LocalDate closedOn, List<Rates> rateHistory) {
    }

    public Fund current() {
        Rates today = on(LocalDate.now(ZoneOffset.UTC));
        List<Rates> history = db.selectFrom(FUND_RATE).orderBy(FUND_RATE.EFFECTIVE_FROM).fetch(FundParameters::rates);
        return db.select(FUND.NAME, FUND.FUNCTIONAL_CURRENCY, FUND.GROUP_TERM_ENDS_ON, FUND.STATUS, FUND.CLOSED_ON)
                .from(FUND)
                .fetchSingle(mapping((name, currency, term, status, closedOn) -> new Fund(name, currency.trim(),
                        today.pscRate(), today.operatingReserveRate(), today.bankChargeTolerance(), term, status, closedOn,
                        history)));
    }

    /** The rates in force on the date. */
    public Rates on(LocalDate date) {
        return db.selectFrom(FUND_RATE).where(FUND_RATE.EFFECTIVE_FROM.le(date))
                .orderBy(FUND_RATE.EFFECTIVE_FROM.desc()).limit(1)
                .fetchOptional(FundParameters::rates)
                .orElseThrow(() -> Problem.invalidField("date", "the fund has no parameters in force on " + date));
    }

    public boolean closed() {
        return "CLOSED".equals(db.select(FUND.STATUS).from(FUND).fetchSingle(FUND.STATUS));
    }

    private static Rates rates(org.unaoc.trustfund.db.tables.records.FundRateRecord row) {
        return new Rates(row.getEffectiveFrom(), row.getPscRate().stripTrailingZeros(),
                row.getReserveRate().stripTrailingZeros(), row.getBankChargeTolerance(), List.of(row.getPscExemptAccounts()));
    }
}
