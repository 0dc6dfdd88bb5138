package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.OBLIGATION_ADJUSTMENT;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.ledger.Periods;
import org.unaoc.trustfund.system.Problem;

/**
 * Obligations that change (R21): raised (funds checked for the increase with its PSC, as for a new
 * commitment), reduced or cancelled (what is released is available again with its PSC), and
 * released by the final liquidation (on the expenditure, restated in date order: {@link Liquidations}).
 * Each change is a dated record of its own; the obligation is never rewritten.
 */
@Service
public class ObligationAdjustments {

    private final DSLContext db;
    private final Obligations obligations;
    private final Availability availability;
    private final Allotments allotments;
    private final Periods periods;
    private final FundParameters fund;
    private final Liquidations liquidations;

    ObligationAdjustments(DSLContext db, Obligations obligations, Availability availability, Allotments allotments,
                          Periods periods, FundParameters fund, Liquidations liquidations) {
        this.db = db;
        this.liquidations = liquidations;
        this.obligations = obligations;
        this.availability = availability;
        this.allotments = allotments;
        this.periods = periods;
        this.fund = fund;
    }

    /** {@code amount}: USD, negative to reduce, positive to raise; or {@code cancel}: all that is open is released. */
    public record Adjustment(@Nullable Money amount, @NotNull LocalDate date, @NotBlank @Size(max = 1000) String reason,
                             @Nullable Boolean cancel) {
    }

    @Transactional
    public Spending.Obligation adjust(long id, Adjustment adjustment, String user) {
        Spending.Obligation obligation = obligations.get(id);
        boolean cancel = Boolean.TRUE.equals(adjustment.cancel());
        if (cancel == (adjustment.amount() != null)) {
            throw Problem.invalidField("amount", cancel ? "is not given with \"cancel\": a cancellation releases all that is open"
                    : "is missing: a negative USD amount reduces the obligation, a positive one raises it; or send \"cancel\": true");
        }
        if (fund.closed()) {
            throw Problem.conflict("fund-closed", "Fund closed", "The fund is closed: it accepts no commitment.");
        }
        LocalDate on = adjustment.date();
        if (on.isBefore(obligation.date())) {
            throw Problem.invalidField("date", on + " is before the obligation was made on " + obligation.date());
        }
        periods.requireOpen(on);
        availability.lock();
        BigDecimal open = obligations.openFrom(id, on);
        BigDecimal change;
        String kind;
        if (cancel) {
            if (open.signum() == 0) {
                throw Problem.conflict("nothing-open", "Nothing open", "Obligation " + id + " has nothing open on " + on
                        + " or later: there is nothing to cancel.").with("obligation", id);
            }
            change = open.negate();
            kind = "CANCELLATION";
        } else {
            change = amount(adjustment.amount());
            if (change.signum() < 0 && change.negate().compareTo(open) > 0) {
                throw Problem.invalidField("amount", "reduces obligation " + id + " by " + change.negate().toPlainString()
                        + " USD, but " + open.toPlainString() + " USD is open on " + on
                        + " and every later day its liquidations are dated: reduce it by that much at most, or cancel it")
                        .with("open", Map.of("amount", open.toPlainString(), "currency", "USD"));
            }
            if (change.signum() > 0) {
                availability.require(obligation.component(), change.add(Availability.psc(change, obligation.pscRate())), on);
                allotments.require(obligation.component(), on, change);
            }
            kind = change.signum() > 0 ? "INCREASE" : "REDUCTION";
        }
        insert(id, kind, change, on, adjustment.reason().strip(), user);
        liquidations.restate(id);
        return obligations.get(id);
    }

    private void insert(long obligation, String kind, BigDecimal amount, LocalDate on, String reason, String user) {
        db.insertInto(OBLIGATION_ADJUSTMENT).set(OBLIGATION_ADJUSTMENT.OBLIGATION_ID, obligation)
                .set(OBLIGATION_ADJUSTMENT.KIND, kind).set(OBLIGATION_ADJUSTMENT.AMOUNT, amount)
                .set(OBLIGATION_ADJUSTMENT.ADJUSTED_ON, on).set(OBLIGATION_ADJUSTMENT.REASON, reason)
                .set(OBLIGATION_ADJUSTMENT.CREATED_BY, user).execute();
    }

    private static BigDecimal amount(Money amount) {
        if (!amount.isUsd()) {
            throw Problem.invalidField("amount", "obligations are recorded in USD");
        }
        if (amount.amount().signum() == 0) {
            throw Problem.invalidField("amount", "is zero: a negative amount reduces the obligation, a positive one raises it");
        }
        return Money.withinScale(amount.amount(), 2, "amount");
    }
}
