package org.unaoc.trustfund.contributions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.system.Problem;

/**
 * How one payment (cash received, or unapplied cash taken out of 2190) is applied: the journal
 * lines and a row per part. Parts in the payment's currency; the payment's USD is shared over
 * them in proportion, the last part taking the remainder so that the shares add up exactly.
 * A receivable is credited at its carrying amount (R5); the difference is a realised exchange
 * difference on 7810, one line per tranche so that R7 holds per agreement.
 */
final class ReceiptPlan {

    static final String UNAPPLIED = "2190";
    static final String CONDITIONAL = "2300";
    static final String REALISED = "7810";
    static final String BANK_CHARGES = "6200";

    record Part(String kind, @Nullable Long agreement, @Nullable Integer tranche, @Nullable String contributor,
                BigDecimal amount, BigDecimal usd, @Nullable BigDecimal carrying) {
    }

    private final String currency;
    private final LocalDate on;
    private final BigDecimal total;
    private final BigDecimal usdTotal;
    private final BigDecimal tolerance;
    private final List<Part> parts = new ArrayList<>();
    private final List<NewLine> lines = new ArrayList<>();
    private BigDecimal left;
    private BigDecimal usdShared = BigDecimal.ZERO;
    private BigDecimal amountShared = BigDecimal.ZERO;
    private BigDecimal exchangeDifference = BigDecimal.ZERO;

    ReceiptPlan(String currency, LocalDate on, BigDecimal total, BigDecimal usdTotal, BigDecimal tolerance) {
        this.currency = currency;
        this.on = on;
        this.total = total;
        this.left = total;
        this.usdTotal = usdTotal;
        this.tolerance = tolerance;
    }

    BigDecimal left() {
        return left;
    }

    List<Part> parts() {
        return parts;
    }

    /** The lines, debits before credits as the worked journals print them. */
    List<NewLine> lines() {
        List<NewLine> ordered = new ArrayList<>(lines.stream().filter(line -> line.usd().signum() > 0).toList());
        ordered.addAll(lines.stream().filter(line -> line.usd().signum() < 0).toList());
        return ordered;
    }

    BigDecimal exchangeDifference() {
        return exchangeDifference;
    }

    /** Pays the tranches in order until the money runs out; a shortfall within the tolerance is bank charges. */
    void settle(List<TrancheBook.OpenTranche> tranches) {
        for (int i = 0; i < tranches.size() && left.signum() > 0; i++) {
            TrancheBook.OpenTranche tranche = tranches.get(i);
            if (!tranche.binding || tranche.outstanding.signum() <= 0) {
                continue;
            }
            BigDecimal paid = left.min(tranche.outstanding);
            left = left.subtract(paid);
            BigDecimal shortfall = tranche.outstanding.subtract(paid);
            BigDecimal cashUsd = share(paid);
            if (tranche.conditional()) {
                tranche.outstanding = tranche.outstanding.subtract(paid);
                parts.add(new Part("CONDITIONAL", tranche.agreement.getId(), tranche.number, tranche.agreement.getContributor(),
                        paid, cashUsd, null));
                lines.add(original(NewLine.credit(CONDITIONAL, cashUsd), paid.negate()).withDimensions(dimensions(tranche)));
                continue;
            }
            BigDecimal chargeUsd = BigDecimal.ZERO;
            BigDecimal settled = paid;
            if (shortfall.signum() > 0 && left.signum() == 0) {
                BigDecimal shortfallUsd = usdOf(shortfall);
                if (shortfallUsd.compareTo(tolerance) <= 0 && shortfallUsd.signum() > 0) {
                    chargeUsd = shortfallUsd;
                    settled = tranche.outstanding;
                }
            }
            var credited = tranche.settle(settled, on);
            BigDecimal carrying = BigDecimal.ZERO;
            for (var account : credited.entrySet()) {
                carrying = carrying.add(account.getValue()[0]);
                lines.add(original(NewLine.credit(account.getKey(), nonZero(account.getValue()[0])),
                        account.getValue()[1].negate()).withDimensions(dimensions(tranche)));
            }
            parts.add(new Part("TRANCHE", tranche.agreement.getId(), tranche.number, tranche.agreement.getContributor(),
                    paid, cashUsd, carrying));
            if (chargeUsd.signum() > 0) {
                parts.add(new Part("BANK_CHARGE", tranche.agreement.getId(), tranche.number,
                        tranche.agreement.getContributor(), settled.subtract(paid), chargeUsd, null));
                lines.add(NewLine.debit(BANK_CHARGES, chargeUsd).withDimensions(dimensions(tranche)));
            }
            difference(cashUsd.add(chargeUsd).subtract(carrying), dimensions(tranche));
        }
    }

    /** The rest as revenue of a contributor without an agreement (R3). */
    void revenue(String contributor) {
        BigDecimal usd = share(left);
        parts.add(new Part("REVENUE", null, null, contributor, left, usd, null));
        lines.add(NewLine.credit(Agreements.REVENUE, usd).withDimensions(new Dimensions(contributor, null, null, null, null)));
        left = BigDecimal.ZERO;
    }

    /** The rest parked in 2190 until it is applied or refunded (unidentified cash, overpayments). */
    void unapplied(@Nullable String contributor) {
        if (left.signum() == 0) {
            return;
        }
        BigDecimal usd = share(left);
        parts.add(new Part("UNAPPLIED", null, null, contributor, left, usd, null));
        lines.add(original(NewLine.credit(UNAPPLIED, usd), left.negate())
                .withDimensions(new Dimensions(contributor, null, null, null, null)));
        left = BigDecimal.ZERO;
    }

    /** USD of the part of the payment, the last part taking what is left so the shares add up. */
    private BigDecimal share(BigDecimal amount) {
        amountShared = amountShared.add(amount);
        BigDecimal usd = amountShared.compareTo(total) == 0 ? usdTotal.subtract(usdShared) : usdOf(amount);
        usdShared = usdShared.add(usd);
        if (usd.signum() <= 0) {
            throw Problem.invalid("The payment is too small to be split in USD cents; apply it in one piece.");
        }
        return usd;
    }

    private BigDecimal usdOf(BigDecimal amount) {
        return usdTotal.multiply(amount).divide(total, 2, RoundingMode.HALF_UP);
    }

    private void difference(BigDecimal gain, Dimensions dimensions) {
        if (gain.signum() == 0) {
            return;
        }
        exchangeDifference = exchangeDifference.add(gain);
        lines.add((gain.signum() > 0 ? NewLine.credit(REALISED, gain) : NewLine.debit(REALISED, gain.negate()))
                .withDimensions(dimensions));
    }

    private NewLine original(NewLine line, BigDecimal signedOriginal) {
        return Money.USD.equals(currency) ? line : line.withOriginal(new Money(signedOriginal, currency), null, null);
    }

    private static BigDecimal nonZero(BigDecimal usd) {
        if (usd.signum() == 0) {
            throw Problem.conflict("nothing-carried", "Nothing carried",
                    "The receivable carries no USD for this tranche; revalue or correct the receivable first.");
        }
        return usd;
    }

    private static Dimensions dimensions(TrancheBook.OpenTranche tranche) {
        return Agreements.dimensions(tranche.agreement, tranche.number);
    }
}
