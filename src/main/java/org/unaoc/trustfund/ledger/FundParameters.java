package org.unaoc.trustfund.ledger;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.FUND;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** The fund's parameters: name, functional currency, PSC and reserve rates, tolerance, term of the Group. */
@Service
public class FundParameters {

    private final DSLContext db;

    FundParameters(DSLContext db) {
        this.db = db;
    }

    public record Fund(String name, String functionalCurrency, BigDecimal pscRate, BigDecimal operatingReserveRate,
                       BigDecimal bankChargeTolerance, LocalDate groupTermEndsOn) {
    }

    public Fund current() {
        return db.select(FUND.NAME, FUND.FUNCTIONAL_CURRENCY, FUND.PSC_RATE, FUND.RESERVE_RATE,
                        FUND.BANK_CHARGE_TOLERANCE, FUND.GROUP_TERM_ENDS_ON)
                .from(FUND)
                .fetchSingle(mapping((name, currency, psc, reserve, tolerance, term) -> new Fund(name, currency,
                        psc.stripTrailingZeros(), reserve.stripTrailingZeros(), tolerance, term)));
    }
}
