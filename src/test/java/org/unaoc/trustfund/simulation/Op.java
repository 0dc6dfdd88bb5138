package org.unaoc.trustfund.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing a finance office does, as the generator wrote it: a date (what the books must show it
 * on) and references to what it acts on by the generator's own keys ("A3" the third agreement,
 * "R7" the seventh receipt), so that the same list can be replayed, reordered and shortened.
 */
sealed interface Op {

    /** The date the operation is effective on; recording order may differ (back-dated entries). */
    LocalDate date();

    /** The keys this operation needs to exist before it (an agreement before its receipts). */
    default List<String> needs() {
        return List.of();
    }

    /** Operations that always post an entry when accepted (a revaluation may post nothing). */
    default boolean posts() {
        return this instanceof Receipt || this instanceof BankStatement || this instanceof Expenditure
                || this instanceof PscRemittance || (this instanceof Agreement a && !a.conditional())
                || this instanceof Allowance;
    }

    /** Period closes, reopenings and year-end closes: recorded at the end in the order-independence runs. */
    default boolean closing() {
        return false;
    }

    record Contributor(String code, String type, LocalDate date) implements Op {
    }

    record Pledge(String key, String contributor, BigDecimal amount, LocalDate date) implements Op {
        @Override
        public List<String> needs() {
            return List.of(contributor);
        }
    }

    record PledgeCancellation(String pledge, LocalDate date) implements Op {
        @Override
        public List<String> needs() {
            return List.of(pledge);
        }
    }

    record Tranche(LocalDate dueOn, BigDecimal amount, boolean subjectToAppropriation) {
    }

    record Agreement(String key, String contributor, String currency, LocalDate date, List<Tranche> tranches,
                     @Nullable String earmark, @Nullable LocalDate conditionDeadline, @Nullable String pledge) implements Op {
        @Override
        public List<String> needs() {
            return pledge == null ? List.of(contributor) : List.of(contributor, pledge);
        }

        boolean conditional() {
            return conditionDeadline != null;
        }
    }

    record Confirmation(String agreement, int tranche, LocalDate date) implements Op {
        @Override
        public List<String> needs() {
            return List.of(agreement);
        }
    }

    /**
     * Cash received. {@code agreement} null: revenue of {@code contributor} (R3), or, with no
     * contributor either, unidentified cash held in 2190. {@code usdCredited}: the bank converted it.
     */
    record Receipt(String key, @Nullable String contributor, @Nullable String agreement, @Nullable Integer tranche,
                   @Nullable String pledge, String currency, BigDecimal amount, LocalDate date, String bankAccount,
                   @Nullable BigDecimal usdCredited) implements Op {
        @Override
        public List<String> needs() {
            return java.util.stream.Stream.of(contributor, agreement, pledge).filter(java.util.Objects::nonNull).toList();
        }
    }

    /**
     * A bank statement (camt.053 or CSV) of one account with credits from payers it does not name, all on the
     * statement's date: each becomes unidentified cash in 2190 (R3). {@code twice}: imported again,
     * which must add nothing.
     */
    record BankStatement(String key, String account, String currency, BigDecimal opening, List<Receipt> credits,
                         LocalDate date, boolean twice, boolean camt) implements Op {
        BigDecimal closingBalance() {
            return credits.stream().map(Receipt::amount).reduce(opening, BigDecimal::add);
        }
    }

    /** Unapplied cash of a receipt applied to a tranche. */
    record Application(String receipt, String agreement, int tranche, LocalDate date) implements Op {
        @Override
        public List<String> needs() {
            return List.of(receipt, agreement);
        }
    }

    /** A bank fee the bank took from 1010 (Dr 6200 / Cr 1010), entered by hand: a controlled operation. */
    record ManualEntry(String key, BigDecimal amount, LocalDate date, boolean approve) implements Op {
    }

    /** The fund's closure asked for and approved at the end of a run: refused while anything is open (R15, R22). */
    record FundClosure(LocalDate date) implements Op {
    }

    /**
     * A UN rate published late: effective from a date in an open month on which postings may already
     * have used the rate before it (then a correction, approved by another officer, R16).
     */
    record LateRate(String currency, BigDecimal rate, LocalDate date) implements Op {
    }

    record Revaluation(LocalDate date) implements Op {
    }

    record Reclassification(LocalDate date) implements Op {
    }

    /** The reversal of the entry another operation posted (a receipt, an expenditure), approved by another officer. */
    record Reversal(String target, LocalDate date, boolean approve) implements Op {
        @Override
        public List<String> needs() {
            return List.of(target);
        }
    }

    record Obligation(String key, String component, String objectClass, BigDecimal amount, LocalDate date) implements Op {
    }

    record Expenditure(String key, String component, String objectClass, BigDecimal amount, LocalDate date,
                       @Nullable String obligation) implements Op {
        @Override
        public List<String> needs() {
            return obligation == null ? List.of() : List.of(obligation);
        }
    }

    record CostPlan(String component, int year, BigDecimal amount, LocalDate date) implements Op {
    }

    /** An allotment for a component's year, asked for and approved (or rejected) by another officer. */
    record Allotment(String component, int year, BigDecimal amount, LocalDate date, boolean approve) implements Op {
    }

    record PscRemittance(BigDecimal amount, LocalDate date) implements Op {
    }

    record Allowance(String agreement, int tranche, LocalDate date) implements Op {
        @Override
        public List<String> needs() {
            return List.of(agreement);
        }
    }

    record WriteOff(String agreement, int tranche, LocalDate date, boolean approve) implements Op {
        @Override
        public List<String> needs() {
            return List.of(agreement);
        }
    }

    record ConditionExpiry(String agreement, LocalDate date) implements Op {
        @Override
        public List<String> needs() {
            return List.of(agreement);
        }
    }

    /** A refund of unapplied or unspent money asked for, approved, then paid. */
    record Refund(String key, String contributor, BigDecimal amount, LocalDate date, boolean approve) implements Op {
        @Override
        public List<String> needs() {
            return List.of(contributor);
        }
    }

    /** {@code inOrder} false: a later month closed while an earlier one is open, which must be refused (R22). */
    record PeriodClose(YearMonth month, LocalDate date, boolean inOrder) implements Op {
        @Override
        public boolean closing() {
            return true;
        }
    }

    record PeriodReopening(YearMonth month, LocalDate date, boolean approve) implements Op {
        @Override
        public boolean closing() {
            return true;
        }
    }

    record YearEndClose(int year, LocalDate date) implements Op {
        @Override
        public boolean closing() {
            return true;
        }
    }
}
