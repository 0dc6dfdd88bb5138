package org.unaoc.trustfund.simulation;

import static java.math.RoundingMode.HALF_UP;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The reference: what the books must show on a date, worked out in plain Java from the operations
 * the product accepted, taken in date order (ACCOUNTING.md R16: recording order never changes a
 * figure). It uses none of the product's code or SQL; its rules are those of ACCOUNTING.md R2-R7,
 * R14, R21, written again here from the text.
 */
final class Model {

    static final BigDecimal TOLERANCE = new BigDecimal("100.00");
    static final BigDecimal PSC_RATE = new BigDecimal("0.13");
    static final List<String> FOREIGN_BANK_ACCOUNTS = List.of("1011", "1012");
    static final Map<String, String> BANK_CURRENCY = Map.of("1010", "USD", "1011", "EUR", "1012", "NOK");

    /** An operation with the place it was recorded in (ties on a date keep recording order). */
    record Accepted(int seq, Op op) {
    }

    static final class Tranche {
        final String currency;
        final BigDecimal agreed;
        final boolean conditional;
        @Nullable LocalDate recognisedOn;
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal writtenOff = BigDecimal.ZERO;
        BigDecimal carrying = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal differences = BigDecimal.ZERO;
        BigDecimal settledUsd = BigDecimal.ZERO;

        Tranche(String currency, BigDecimal agreed, boolean conditional) {
            this.currency = currency;
            this.agreed = agreed;
            this.conditional = conditional;
        }

        BigDecimal outstanding() {
            return recognisedOn == null && !conditional ? BigDecimal.ZERO : agreed.subtract(received).subtract(writtenOff);
        }

        String status() {
            if (writtenOff.signum() > 0 && outstanding().signum() == 0) {
                return "WRITTEN_OFF";
            }
            if (received.compareTo(agreed) >= 0) {
                return "PAID";
            }
            return received.signum() > 0 ? "PARTIALLY_PAID" : "OPEN";
        }
    }

    /** What a receipt did, kept so that its reversal undoes exactly that (R21). */
    record Settlement(@Nullable String tranche, BigDecimal paid, BigDecimal carrying, BigDecimal difference,
                      BigDecimal unappliedAmount, BigDecimal unappliedUsd) {
    }

    /** The cash a receipt brought, taken out again by its reversal. */
    record CashIn(String bankAccount, BigDecimal amount, BigDecimal usd) {
    }

    static final class Cash {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal usd = BigDecimal.ZERO;
    }

    /** The books on one date. */
    static final class Books {
        final Map<String, Tranche> tranches = new LinkedHashMap<>();
        final Map<String, Cash> cash = new TreeMap<>();
        final Map<String, BigDecimal[]> unapplied = new HashMap<>(); // receipt key -> {amount, usd carrying}
        final Map<String, String> unappliedCurrency = new HashMap<>();
        final Map<String, Settlement> settlements = new HashMap<>();
        final Map<String, CashIn> cashIn = new HashMap<>();
        final Map<String, BigDecimal> obligations = new HashMap<>(); // open amount
        final Map<String, BigDecimal[]> spent = new HashMap<>(); // expenditure key -> {amount, liquidated}
        final Map<String, String> liquidates = new HashMap<>();
        final Map<String, BigDecimal> manual = new HashMap<>();
        BigDecimal pscPayable = BigDecimal.ZERO;
        final Map<Integer, BigDecimal> planned = new HashMap<>();
        final java.util.Set<String> reversed = new java.util.HashSet<>();

        Cash cash(String account) {
            return cash.computeIfAbsent(account, a -> new Cash());
        }

        BigDecimal differences(String agreement) {
            return tranches.entrySet().stream().filter(e -> e.getKey().startsWith(agreement + "#"))
                    .map(e -> e.getValue().differences).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal unappliedOf(String receipt) {
            BigDecimal[] held = unapplied.get(receipt);
            return held == null ? BigDecimal.ZERO : held[0];
        }

        BigDecimal openObligation(String key) {
            return obligations.getOrDefault(key, BigDecimal.ZERO);
        }
    }

    /**
     * An upper bound of the funds available for a commitment in {@code year} on the books as they
     * stand (R9): cash, less open obligations with PSC, PSC payable, unapplied cash and the year's
     * reserve. It leaves out what the model does not follow (2300, refunds payable), so it is never
     * lower than the true figure: a commitment beyond it must have been refused.
     */
    static BigDecimal availableAtMost(Books books, int year) {
        BigDecimal cash = books.cash.values().stream().map(c -> c.usd).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal obligations = books.obligations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unapplied = books.unapplied.values().stream().map(held -> held[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal planned = books.planned.getOrDefault(year, BigDecimal.ZERO);
        BigDecimal reserve = new BigDecimal("0.15").multiply(planned.add(psc(planned))).setScale(2, HALF_UP);
        return cash.subtract(obligations.add(psc(obligations))).subtract(books.pscPayable).subtract(unapplied).subtract(reserve);
    }

    private final Rates rates;

    Model(Rates rates) {
        this.rates = rates;
    }

    static String tranche(String agreement, int number) {
        return agreement + "#" + number;
    }

    /** The books as of the end of {@code asOf}, from the accepted operations dated on or before it. */
    Books at(List<Accepted> accepted, LocalDate asOf) {
        List<Op.LateRate> late = accepted.stream().map(Accepted::op).filter(Op.LateRate.class::isInstance)
                .map(Op.LateRate.class::cast).toList();
        // a rate published late was the rate of its dates all along: the books are those it would have given
        return late.isEmpty() ? evaluate(accepted, asOf) : new Model(rates.with(late)).evaluate(accepted, asOf);
    }

    private Books evaluate(List<Accepted> accepted, LocalDate asOf) {
        Books books = new Books();
        List<Accepted> inDateOrder = new ArrayList<>(accepted);
        inDateOrder.sort(Comparator.comparing((Accepted a) -> a.op().date())
                .thenComparing(a -> a.op() instanceof Op.Revaluation ? 1 : 0)
                .thenComparing(Accepted::seq));
        for (Accepted a : inDateOrder) {
            if (a.op().date().isAfter(asOf)) {
                break;
            }
            apply(books, a.op());
        }
        return books;
    }

    private void apply(Books books, Op op) {
        switch (op) {
            case Op.Agreement agreement -> sign(books, agreement);
            case Op.Confirmation confirmation -> recognise(books.tranches.get(tranche(confirmation.agreement(),
                    confirmation.tranche())), confirmation.date());
            case Op.Receipt receipt -> receive(books, receipt);
            case Op.BankStatement statement -> statement.credits().forEach(credit -> receive(books, credit));
            case Op.Application application -> applyUnapplied(books, application);
            case Op.Revaluation revaluation -> revalue(books, revaluation.date());
            case Op.Reversal reversal -> {
                if (reversal.approve()) {
                    reverse(books, reversal.target());
                }
            }
            case Op.Obligation obligation -> books.obligations.put(obligation.key(), obligation.amount());
            case Op.Expenditure expenditure -> spend(books, expenditure);
            case Op.ManualEntry manual -> {
                if (manual.approve()) {
                    books.manual.put(manual.key(), manual.amount());
                    pay(books, manual.amount());
                }
            }
            case Op.PscRemittance remittance -> {
                books.pscPayable = books.pscPayable.subtract(remittance.amount());
                pay(books, remittance.amount());
            }
            case Op.WriteOff writeOff -> {
                if (writeOff.approve()) {
                    Tranche t = books.tranches.get(tranche(writeOff.agreement(), writeOff.tranche()));
                    t.writtenOff = t.outstanding();
                    t.carrying = BigDecimal.ZERO;
                }
            }
            case Op.Refund refund -> {
                if (refund.approve()) {
                    pay(books, refund.amount());
                }
            }
            case Op.CostPlan plan -> books.planned.merge(plan.year(), plan.amount(), BigDecimal::add);
            default -> {
                // contributors, pledges, allowances, closes: nothing the model follows in money
            }
        }
    }

    private void sign(Books books, Op.Agreement agreement) {
        for (int i = 0; i < agreement.tranches().size(); i++) {
            Op.Tranche spec = agreement.tranches().get(i);
            Tranche t = new Tranche(agreement.currency(), spec.amount(), agreement.conditional());
            books.tranches.put(tranche(agreement.key(), i + 1), t);
            if (!agreement.conditional() && !spec.subjectToAppropriation()) {
                recognise(t, agreement.date());
            }
        }
    }

    /** R2: a receivable at the day's rate, each tranche's USD rounded on its own line. */
    private void recognise(Tranche t, LocalDate on) {
        t.recognisedOn = on;
        t.revenue = usd(t.agreed, t.currency, on);
        t.carrying = t.revenue;
    }

    private void receive(Books books, Op.Receipt receipt) {
        BigDecimal usd = receipt.usdCredited() != null ? receipt.usdCredited() : usd(receipt.amount(), receipt.currency(), receipt.date());
        Cash cash = books.cash(receipt.bankAccount());
        cash.amount = cash.amount.add(receipt.bankAccount().equals("1010") ? usd : receipt.amount());
        cash.usd = cash.usd.add(usd);
        books.cashIn.put(receipt.key(), new CashIn(receipt.bankAccount(),
                receipt.bankAccount().equals("1010") ? usd : receipt.amount(), usd));
        if (receipt.agreement() == null) {
            if (receipt.contributor() == null) {
                hold(books, receipt.key(), receipt.currency(), receipt.amount(), usd);
            }
            books.settlements.put(receipt.key(), new Settlement(null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    receipt.contributor() == null ? receipt.amount() : BigDecimal.ZERO, receipt.contributor() == null ? usd : BigDecimal.ZERO));
            return;
        }
        String key = tranche(receipt.agreement(), receipt.tranche());
        books.settlements.put(receipt.key(), settle(books, key, receipt.key(), receipt.currency(), receipt.amount(), usd));
    }

    /** R5: the tranche settled at its carrying amount (a share of it when partial), the rest of the cash to 2190. */
    private Settlement settle(Books books, String key, String receiptKey, String currency, BigDecimal amount, BigDecimal usd) {
        Tranche t = books.tranches.get(key);
        BigDecimal outstanding = t.outstanding();
        BigDecimal paid = amount.min(outstanding);
        BigDecimal excess = amount.subtract(paid);
        BigDecimal paidUsd = excess.signum() == 0 ? usd : usd.multiply(paid).divide(amount, 2, HALF_UP);
        if (excess.signum() > 0) {
            hold(books, receiptKey, currency, excess, usd.subtract(paidUsd));
        }
        if (t.conditional) {
            t.received = t.received.add(paid);
            return new Settlement(key, paid, BigDecimal.ZERO, BigDecimal.ZERO, excess, usd.subtract(paidUsd));
        }
        BigDecimal shortfall = outstanding.subtract(paid);
        BigDecimal charge = BigDecimal.ZERO;
        BigDecimal settledAmount = paid;
        if (shortfall.signum() > 0) {
            BigDecimal shortfallUsd = usd.multiply(shortfall).divide(amount, 2, HALF_UP);
            if (shortfallUsd.signum() > 0 && shortfallUsd.compareTo(TOLERANCE) <= 0) {
                charge = shortfallUsd;
                settledAmount = outstanding;
            }
        }
        BigDecimal carrying = settledAmount.compareTo(outstanding) == 0 ? t.carrying
                : t.carrying.multiply(settledAmount).divide(outstanding, 2, HALF_UP);
        BigDecimal difference = paidUsd.add(charge).subtract(carrying);
        t.received = t.received.add(settledAmount);
        t.carrying = t.carrying.subtract(carrying);
        t.differences = t.differences.add(difference);
        t.settledUsd = t.settledUsd.add(paidUsd).add(charge);
        return new Settlement(key, settledAmount, carrying, difference, excess, usd.subtract(paidUsd));
    }

    private static void hold(Books books, String receipt, String currency, BigDecimal amount, BigDecimal usd) {
        books.unapplied.merge(receipt, new BigDecimal[] {amount, usd},
                (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
        books.unappliedCurrency.put(receipt, currency);
    }

    private void applyUnapplied(Books books, Op.Application application) {
        BigDecimal[] held = books.unapplied.remove(application.receipt());
        settle(books, tranche(application.agreement(), application.tranche()), application.receipt(),
                books.unappliedCurrency.get(application.receipt()), held[0], held[1]);
    }

    /** R6: what is outstanding in a currency other than USD valued at the closing rate, carried forward. */
    private void revalue(Books books, LocalDate asOf) {
        for (Tranche t : books.tranches.values()) {
            if (!t.conditional && !"USD".equals(t.currency) && t.recognisedOn != null && t.outstanding().signum() > 0) {
                BigDecimal revalued = usd(t.outstanding(), t.currency, asOf);
                t.differences = t.differences.add(revalued.subtract(t.carrying));
                t.carrying = revalued;
            }
        }
        for (String account : FOREIGN_BANK_ACCOUNTS) {
            Cash cash = books.cash(account);
            cash.usd = usd(cash.amount, BANK_CURRENCY.get(account), asOf);
        }
        for (var held : books.unapplied.entrySet()) {
            String currency = books.unappliedCurrency.get(held.getKey());
            if (!"USD".equals(currency)) {
                held.getValue()[1] = usd(held.getValue()[0], currency, asOf);
            }
        }
    }

    /** R21: the reversal restores what the entry did, at the amounts it posted. */
    private void reverse(Books books, String target) {
        books.reversed.add(target);
        Settlement settlement = books.settlements.remove(target);
        if (settlement != null) {
            reverseReceipt(books, target, settlement);
            return;
        }
        BigDecimal fee = books.manual.remove(target);
        if (fee != null) {
            pay(books, fee.negate());
            return;
        }
        BigDecimal[] spent = books.spent.remove(target);
        if (spent != null) {
            Cash cash = books.cash("1010");
            cash.amount = cash.amount.add(spent[0]);
            cash.usd = cash.usd.add(spent[0]);
            books.pscPayable = books.pscPayable.subtract(psc(spent[0]));
            String obligation = books.liquidates.get(target);
            if (obligation != null) {
                books.obligations.merge(obligation, spent[1], BigDecimal::add);
            }
        }
    }

    private void reverseReceipt(Books books, String receipt, Settlement settlement) {
        if (settlement.tranche() != null) {
            Tranche t = books.tranches.get(settlement.tranche());
            t.received = t.received.subtract(settlement.paid());
            t.carrying = t.carrying.add(settlement.carrying());
            t.differences = t.differences.subtract(settlement.difference());
        }
        books.unapplied.remove(receipt);
        CashIn in = books.cashIn.remove(receipt);
        Cash cash = books.cash(in.bankAccount());
        cash.amount = cash.amount.subtract(in.amount());
        cash.usd = cash.usd.subtract(in.usd());
    }

    private void spend(Books books, Op.Expenditure expenditure) {
        BigDecimal liquidated = BigDecimal.ZERO;
        if (expenditure.obligation() != null) {
            BigDecimal open = books.openObligation(expenditure.obligation());
            liquidated = open.min(expenditure.amount());
            books.obligations.put(expenditure.obligation(), open.subtract(liquidated));
            books.liquidates.put(expenditure.key(), expenditure.obligation());
        }
        books.spent.put(expenditure.key(), new BigDecimal[] {expenditure.amount(), liquidated});
        books.pscPayable = books.pscPayable.add(psc(expenditure.amount()));
        pay(books, expenditure.amount());
    }

    private static void pay(Books books, BigDecimal usd) {
        Cash cash = books.cash("1010");
        cash.amount = cash.amount.subtract(usd);
        cash.usd = cash.usd.subtract(usd);
    }

    static BigDecimal psc(BigDecimal amount) {
        return amount.multiply(PSC_RATE).setScale(2, HALF_UP);
    }

    private BigDecimal usd(BigDecimal amount, String currency, LocalDate on) {
        if ("USD".equals(currency)) {
            return amount.setScale(2, HALF_UP);
        }
        return amount.divide(rates.on(currency, on), 2, HALF_UP);
    }
}
