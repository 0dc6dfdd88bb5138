package org.unaoc.trustfund.spending;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.currency.Rate;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.Accounts;
import org.unaoc.trustfund.ledger.ChartOfAccounts;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.JournalEntries;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.ledger.Periods;
import org.unaoc.trustfund.system.Problem;

/**
 * Money moved between the fund's bank accounts (R17), a disbursement (R19) approved by another
 * officer: Dr the receiving account at the USD value of what it was credited (the day's rate), Cr
 * the paying account at the carrying amount of what left it, the difference realised in 7810.
 */
@Component
class BankTransfers implements ControlledOperation<BankTransfers.Request> {

    private final ChartOfAccounts chart;
    private final Accounts accounts;
    private final ExchangeRates rates;
    private final Availability availability;
    private final Periods periods;
    private final Journal journal;
    private final JournalEntries entries;

    BankTransfers(ChartOfAccounts chart, Accounts accounts, ExchangeRates rates, Availability availability, Periods periods,
                  Journal journal, JournalEntries entries) {
        this.chart = chart;
        this.accounts = accounts;
        this.rates = rates;
        this.availability = availability;
        this.periods = periods;
        this.journal = journal;
        this.entries = entries;
    }

    /** {@code amount} leaves {@code from} in its currency; {@code credited} reaches {@code to} in its own (the same when omitted and the currencies agree). */
    record Request(@Nullable String from, @Nullable String to, @Nullable Money amount, @Nullable Money credited,
                   @Nullable LocalDate date, @Nullable String reference) {
    }

    /** What the transfer posts: the paying side at its carrying amount, the receiving side at the day's value. */
    record Plan(Account from, Account to, Money paid, BigDecimal carrying, Money credited, BigDecimal value, @Nullable Rate rate) {
        BigDecimal difference() {
            return value.subtract(carrying);
        }
    }

    @Override
    public String name() {
        return "BANK_TRANSFER";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        Plan plan = plan(request);
        BigDecimal difference = plan.difference();
        return "Transfer of " + plan.paid().currency() + " " + plan.paid().amount().toPlainString() + " from "
                + plan.from().code() + " to " + plan.to().code() + " on " + request.date() + ", credited "
                + plan.credited().currency() + " " + plan.credited().amount().toPlainString() + " (" + request.reference().strip()
                + "; Dr " + plan.to().code() + " USD " + plan.value().toPlainString() + " / Cr " + plan.from().code() + " USD "
                + plan.carrying().toPlainString()
                + (difference.signum() == 0 ? "" : ", " + (difference.signum() > 0 ? "gain" : "loss") + " USD "
                        + difference.abs().toPlainString() + " to 7810") + ")";
    }

    @Override
    @Transactional(readOnly = true)
    public void check(Request request, String maker) {
        plan(request);
    }

    @Override
    @Transactional
    public Object execute(Request request, String maker, String approver, long approval) {
        availability.lock();
        Plan plan = plan(request);
        List<NewLine> lines = new ArrayList<>(List.of(
                new NewLine(plan.to().code(), plan.value(), plan.credited(), plan.rate() == null ? null : plan.rate().unitsPerUsd(),
                        plan.rate() == null ? null : plan.rate().effectiveFrom(), Dimensions.NONE),
                new NewLine(plan.from().code(), plan.carrying().negate(), plan.paid().negate(), null, null, Dimensions.NONE)));
        if (plan.difference().signum() != 0) {
            lines.add(new NewLine(Refunds.REALISED, plan.difference().negate(), null, null, null, Dimensions.NONE));
        }
        long entry = journal.post(new NewEntry(request.date(), EntryType.BANK_TRANSFER, "Transfer from " + plan.from().code()
                + " to " + plan.to().code() + " (" + request.reference().strip() + ")", lines, null, maker, approver, approval));
        return entries.get(entry);
    }

    private Plan plan(Request request) {
        if (request.date() == null) {
            throw Problem.invalidField("date", "is missing: the day the bank moved the money");
        }
        if (request.reference() == null || request.reference().isBlank()) {
            throw Problem.invalidField("reference", "is missing: the bank's reference of the transfer");
        }
        Account from = bank(request.from(), "from");
        Account to = bank(request.to(), "to");
        if (from.code().equals(to.code())) {
            throw Problem.invalidField("to", "is the paying account: a transfer moves money between two bank accounts");
        }
        Money paid = request.amount();
        if (paid == null || paid.amount().signum() <= 0) {
            throw Problem.invalidField("amount", "must be a positive amount in " + from.currency() + ", the currency of " + from.code());
        }
        if (!from.currency().equals(paid.currency())) {
            throw Problem.invalidField("amount", "is in " + paid.currency() + ": " + from.code() + " is kept in " + from.currency());
        }
        Money credited = request.credited() != null ? request.credited()
                : from.currency().equals(to.currency()) ? paid : null;
        if (credited == null || credited.amount().signum() <= 0 || !to.currency().equals(credited.currency())) {
            throw Problem.invalidField("credited", "must be the positive amount in " + to.currency() + " that the bank credited to "
                    + to.code());
        }
        periods.requireOpen(request.date());
        availability.requireInBank(from.code(), paid.amount(), request.date(), "The transfer");
        Accounts.DayBalance held = accounts.daily(List.of(from.code()), request.date()).get(from.code())
                .floorEntry(request.date()).getValue();
        // the USD at which the books carry what leaves: all of it when the account is emptied, else its share
        BigDecimal carrying = "USD".equals(from.currency()) ? paid.amount()
                : paid.amount().compareTo(held.original()) == 0 ? held.usd().setScale(2, RoundingMode.HALF_UP)
                : paid.amount().multiply(held.usd()).divide(held.original(), 2, RoundingMode.HALF_UP);
        Rate rate = "USD".equals(to.currency()) ? null : rates.on(to.currency(), request.date());
        if (rate != null && rate.effectiveFrom() == null) {
            rate = new Rate(rate.currency(), rate.unitsPerUsd(), request.date());
        }
        BigDecimal value = rate == null ? credited.amount() : rate.toUsd(credited.amount());
        BigDecimal loss = carrying.subtract(value);
        if (loss.signum() > 0) {
            availability.require(null, loss, request.date());
        }
        return new Plan(from, to, paid, carrying, credited, value, rate);
    }

    private Account bank(@Nullable String code, String field) {
        Account account = code == null ? null : chart.bankAccounts().stream().filter(a -> a.code().equals(code.strip()))
                .findFirst().orElse(null);
        if (account == null) {
            throw Problem.invalidField(field, (code == null ? "is missing" : code + " is not a bank account of the fund")
                    + ": one of " + chart.bankAccounts().stream().map(Account::code).toList());
        }
        return account;
    }
}
