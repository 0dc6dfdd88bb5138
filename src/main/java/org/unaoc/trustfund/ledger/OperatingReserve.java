package org.unaoc.trustfund.ledger;

import java.math.BigDecimal;

/**
 * The operating cash reserve a year's plan asks for (R10), for the year-end close to bring 3200
 * to. Offered by the ledger, implemented where the plan lives (spending).
 */
public interface OperatingReserve {

    /** USD: the reserve rate times the year's planned expenditure including PSC. */
    BigDecimal of(int year);
}
