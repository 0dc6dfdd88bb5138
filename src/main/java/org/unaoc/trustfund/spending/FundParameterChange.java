package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.FUND_RATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.system.Problem;

/** New fund rates from a date (controlled): PSC rate, operating reserve rate, bank-charge tolerance. */
@Component
public class FundParameterChange implements ControlledOperation<FundParameterChange.Request> {

    private final DSLContext db;
    private final FundParameters fund;

    FundParameterChange(DSLContext db, FundParameters fund) {
        this.db = db;
        this.fund = fund;
    }

    public record Request(LocalDate effectiveFrom, @Nullable BigDecimal pscRate, @Nullable BigDecimal operatingReserveRate,
                          @Nullable BigDecimal bankChargeTolerance) {
    }

    @Override
    public String name() {
        return "FUND_PARAMETERS";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        return "Fund parameters from " + request.effectiveFrom() + ": PSC " + request.pscRate() + ", reserve "
                + request.operatingReserveRate() + ", tolerance " + request.bankChargeTolerance();
    }

    @Override
    public void check(Request request, String maker) {
        if (request.effectiveFrom() == null) {
            throw Problem.invalidField("effectiveFrom", "is missing");
        }
        java.util.Map<String, BigDecimal> rates = new java.util.LinkedHashMap<>();
        rates.put("pscRate", request.pscRate());
        rates.put("operatingReserveRate", request.operatingReserveRate());
        for (var named : rates.entrySet()) {
            BigDecimal rate = named.getValue();
            if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.scale() > 4)) {
                throw Problem.invalidField(named.getKey(), "a rate is a fraction from 0 to 1 with at most 4 decimals (0.13 for 13%).");
            }
        }
        if (request.bankChargeTolerance() != null && (request.bankChargeTolerance().signum() < 0
                || request.bankChargeTolerance().scale() > 2)) {
            throw Problem.invalidField("bankChargeTolerance", "is a USD amount of zero or more");
        }
        if (db.fetchExists(FUND_RATE, FUND_RATE.EFFECTIVE_FROM.ge(request.effectiveFrom()))) {
            throw Problem.conflict("parameters-exist", "Parameters exist", "Fund parameters are already set from "
                    + request.effectiveFrom() + " or later; choose a later effective date.");
        }
        if (db.fetchExists(EXPENDITURE, EXPENDITURE.SPENT_ON.ge(request.effectiveFrom()))) {
            throw Problem.conflict("parameters-in-use", "Parameters already applied", "Expenditure dated on or after "
                    + request.effectiveFrom() + " was posted at the rates in force; choose a later effective date.");
        }
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        check(request, maker);
        FundParameters.Rates now = fund.on(request.effectiveFrom());
        db.insertInto(FUND_RATE).set(FUND_RATE.EFFECTIVE_FROM, request.effectiveFrom())
                .set(FUND_RATE.PSC_RATE, request.pscRate() != null ? request.pscRate() : now.pscRate())
                .set(FUND_RATE.RESERVE_RATE, request.operatingReserveRate() != null ? request.operatingReserveRate()
                        : now.operatingReserveRate())
                .set(FUND_RATE.BANK_CHARGE_TOLERANCE, request.bankChargeTolerance() != null ? request.bankChargeTolerance()
                        : now.bankChargeTolerance())
                .set(FUND_RATE.PSC_EXEMPT_ACCOUNTS, now.pscExemptAccounts().toArray(String[]::new))
                .set(FUND_RATE.APPROVED_BY, approver).set(FUND_RATE.CREATED_BY, maker)
                .onConflictDoNothing().execute();
        return fund.on(request.effectiveFrom());
    }
}
