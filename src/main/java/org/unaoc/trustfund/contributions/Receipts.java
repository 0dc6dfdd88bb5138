package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.PLEDGE;
import static org.unaoc.trustfund.db.Tables.RECEIPT;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.currency.Rate;
import org.unaoc.trustfund.db.tables.records.AgreementRecord;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.ChartOfAccounts;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.system.AdvisoryLocks;
import org.unaoc.trustfund.system.Problem;

/**
 * Cash received: matched to an agreement and tranche (R5), held as a liability under a condition
 * (R4), revenue without an agreement (R3), or parked in 2190 when nobody knows whose it is.
 * Many receipts (a bank statement) post in one batch.
 */
@Service
public class Receipts {

    private final DSLContext db;
    private final ChartOfAccounts chart;
    private final ExchangeRates rates;
    private final Journal journal;
    private final FundParameters fund;
    private final Contributors contributors;
    private final Pledges pledges;
    private final ReceiptViews views;

    Receipts(DSLContext db, ChartOfAccounts chart, ExchangeRates rates, Journal journal, FundParameters fund,
             Contributors contributors, Pledges pledges, ReceiptViews views) {
        this.db = db;
        this.chart = chart;
        this.rates = rates;
        this.journal = journal;
        this.fund = fund;
        this.contributors = contributors;
        this.pledges = pledges;
        this.views = views;
    }

    public record NewReceipt(@Nullable String contributor, @Nullable Long agreement, @Nullable Integer tranche,
                             @Nullable Long pledge, @NotNull Money amount, @NotNull LocalDate receivedOn,
                             @NotBlank String bankAccount, @NotBlank @Size(max = 140) String bankReference,
                             @Nullable BigDecimal usdCredited, @Nullable String remittance,
                             @Nullable String payerName, @Nullable String payerIban) {
    }

    /** Where unapplied cash goes, and on which date (today by default). */
    public record Application(@Nullable Long agreement, @Nullable Integer tranche, @Nullable String contributor,
                              @Nullable LocalDate date) {
    }

    /** What a recorded receipt came to: whose it is and what is left unapplied. */
    public record Recorded(long id, @Nullable String contributor, @Nullable Long agreement, Money amount, Money unapplied) {
    }

    @Transactional
    public ReceiptViews.Receipt record(NewReceipt receipt, String user) {
        return views.get(recordAll(List.of(receipt), null, user, false).getFirst().id());
    }

    /** As {@link #record}, with the cash account locked only at the end of the request's transaction. */
    @Transactional
    public ReceiptViews.Receipt recordLockingLast(NewReceipt receipt, String user) {
        return views.get(recordAll(List.of(receipt), null, user, false, true).getFirst().id());
    }

    /**
     * Records the receipts in one batch, in order. {@code lenient} (bank statements): a receipt
     * whose agreement has nothing left open is held as unapplied instead of refused.
     */
    @Transactional
    public List<Recorded> recordAll(List<NewReceipt> receipts, @Nullable Long statement, String user, boolean lenient) {
        return recordAll(receipts, statement, user, lenient, false);
    }

    /** With {@code lockLast}, the journal lines are written just before COMMIT (see {@link Journal#postAll(List, boolean)}). */
    @Transactional
    public List<Recorded> recordAll(List<NewReceipt> receipts, @Nullable Long statement, String user, boolean lenient,
                                    boolean lockLast) {
        if (receipts.isEmpty()) {
            return List.of();
        }
        TrancheBook book = new TrancheBook(db);
        List<Prepared> prepared = new ArrayList<>();
        for (NewReceipt receipt : receipts) {
            if (receipt.receivedOn() == null) {
                throw Problem.invalidField("receivedOn", "is missing");
            }
            prepared.add(prepare(receipt, book, fund.on(receipt.receivedOn()).bankChargeTolerance(), lenient));
        }
        List<NewEntry> entries = prepared.stream().map(p -> p.entry(user)).toList();
        List<Long> entryIds = journal.postAll(entries, lockLast);
        List<Long> ids = insertReceipts(prepared, entryIds, statement, user);
        List<ApplicationRow> rows = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            for (ReceiptPlan.Part part : prepared.get(i).plan().parts()) {
                rows.add(new ApplicationRow(ids.get(i), part, entryIds.get(i), prepared.get(i).receipt().receivedOn()));
            }
        }
        insertApplications(rows);
        prepared.stream().map(Prepared::pledge).filter(java.util.Objects::nonNull).distinct().forEach(this::fulfilIfPaid);
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            BigDecimal unapplied = p.plan().parts().stream().filter(part -> part.kind().equals("UNAPPLIED"))
                    .map(ReceiptPlan.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            recorded.add(new Recorded(ids.get(i), p.contributor(), p.receipt().agreement(), p.receipt().amount(),
                    new Money(unapplied, p.receipt().amount().currency())));
        }
        return recorded;
    }

    /** Applies a receipt's unapplied cash (2190) to an agreement, or as revenue of a contributor. */
    /**
     * Cash goes only to what belongs to whoever sent it: a receipt of a known contributor to that
     * contributor's agreements; unidentified cash only with the contributor named, and to its own.
     */
    private static void requireSameContributor(ReceiptViews.Receipt receipt, @Nullable String named, String owner,
                                               String target) {
        if (receipt.contributor() != null) {
            if (!receipt.contributor().equals(owner) || named != null && !named.equals(owner)) {
                throw Problem.invalidField(named != null && !named.equals(owner) ? "contributor" : "agreement", "receipt "
                        + receipt.id() + " came from " + receipt.contributor() + ", and " + target + " is " + owner
                        + "'s: apply it to an agreement of " + receipt.contributor() + ", or reverse it");
            }
        } else if (named == null) {
            throw Problem.invalidField("contributor", "receipt " + receipt.id() + " is unidentified cash: name the "
                    + "contributor it came from, whose agreement it settles");
        } else if (!named.equals(owner)) {
            throw Problem.invalidField("contributor", target + " is " + owner + "'s, not " + named + "'s");
        }
    }

    @Transactional
    public ReceiptViews.Receipt apply(long id, Application application, String user) {
        AdvisoryLocks.hold(db, AdvisoryLocks.RECEIPT, id);
        ReceiptViews.Receipt receipt = views.get(id);
        if (receipt.unapplied().amount().signum() == 0) {
            throw Problem.conflict("nothing-unapplied", "Nothing unapplied", "Receipt " + id + " has no unapplied cash left.");
        }
        LocalDate on = application.date() != null ? application.date() : LocalDate.now(java.time.ZoneOffset.UTC);
        if (on.isBefore(receipt.receivedOn())) {
            throw Problem.invalidField("date", "cash cannot be applied before it was received (" + receipt.receivedOn() + ")");
        }
        ReceiptPlan plan = new ReceiptPlan(receipt.amount().currency(), on, receipt.unapplied().amount(),
                unappliedUsdOn(id, on, receipt.unapplied().amount()), fund.on(on).bankChargeTolerance());
        if (application.agreement() != null) {
            TrancheBook book = new TrancheBook(db);
            AgreementRecord agreement = agreement(book, application.agreement(), receipt.amount().currency());
            requireSameContributor(receipt, application.contributor(), agreement.getContributor(),
                    "agreement " + agreement.getId());
            plan.settle(targets(book, agreement, application.tranche()));
            if (plan.left().compareTo(receipt.unapplied().amount()) == 0) {
                throw nothingOpen(agreement);
            }
        } else if (application.contributor() != null) {
            contributors.existing(application.contributor(), "contributor");
            requireSameContributor(receipt, application.contributor(), application.contributor(), application.contributor());
            plan.revenue(application.contributor());
        } else {
            throw Problem.invalid("Say where the cash goes: an agreement (and tranche), or a contributor.");
        }
        BigDecimal taken = receipt.unapplied().amount().subtract(plan.left());
        BigDecimal takenUsd = plan.parts().stream().filter(p -> !p.kind().equals("BANK_CHARGE"))
                .map(ReceiptPlan.Part::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<NewLine> lines = new ArrayList<>();
        NewLine fromUnapplied = NewLine.debit(ReceiptPlan.UNAPPLIED, takenUsd);
        lines.add(receipt.amount().isUsd() ? fromUnapplied
                : fromUnapplied.withOriginal(new Money(taken, receipt.amount().currency()), null, null));
        lines.addAll(plan.lines());
        long entry = journal.post(new NewEntry(on, EntryType.RECEIPT, "Unapplied cash of receipt " + id + " ("
                + receipt.bankReference() + ") applied", lines, null, user, null, null));
        List<ApplicationRow> rows = new ArrayList<>();
        plan.parts().forEach(part -> rows.add(new ApplicationRow(id, part, entry, on)));
        rows.add(new ApplicationRow(id, new ReceiptPlan.Part("UNAPPLIED", null, null, null, taken.negate(),
                takenUsd.negate(), null), entry, on));
        insertApplications(rows);
        return views.get(id);
    }

    /**
     * R16: the USD that {@code amount} of a receipt's unapplied cash carried on {@code on} (its
     * share of what was held then, all of it when it is all), not what later revaluations made it.
     */
    private BigDecimal unappliedUsdOn(long receipt, LocalDate on, BigDecimal amount) {
        var held = db.select(DSL.coalesce(DSL.sum(RECEIPT_APPLICATION.AMOUNT), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(RECEIPT_APPLICATION.USD_VALUE), BigDecimal.ZERO))
                .from(RECEIPT_APPLICATION).where(RECEIPT_APPLICATION.RECEIPT_ID.eq(receipt))
                .and(RECEIPT_APPLICATION.KIND.in("UNAPPLIED", "REVALUATION")).and(RECEIPT_APPLICATION.APPLIED_ON.le(on))
                .and(Received.standingBy(on)).fetchSingle();
        return held.value1().signum() <= 0 ? BigDecimal.ZERO : Amounts.share(held.value2(), held.value1(), amount);
    }

    private record Prepared(NewReceipt receipt, NewLine cash, BigDecimal usd, @Nullable Rate rate, ReceiptPlan plan,
                            @Nullable String contributor, @Nullable Long pledge, Account bank) {
        NewEntry entry(String user) {
            List<NewLine> lines = new ArrayList<>();
            lines.add(cash);
            lines.addAll(plan.lines());
            String who = contributor == null ? "unidentified payer" : contributor;
            return new NewEntry(receipt.receivedOn(), EntryType.RECEIPT, "Receipt " + receipt.bankReference() + " from "
                    + who, lines, null, user, null, null);
        }
    }

    private Prepared prepare(NewReceipt receipt, TrancheBook book, BigDecimal tolerance, boolean lenient) {
        Money amount = receipt.amount();
        if (amount.amount().signum() <= 0) {
            throw Problem.invalidField("amount", "a receipt is a positive amount");
        }
        Account bank = cashAccount(receipt.bankAccount());
        Rate rate = null;
        BigDecimal usd;
        NewLine cash;
        if (amount.currency().equals(bank.currency())) {
            if (receipt.usdCredited() != null) {
                throw Problem.invalidField("usdCredited", "is only for cash the bank converted into the USD account");
            }
            rate = rates.on(amount.currency(), receipt.receivedOn());
            usd = rate.toUsd(amount.amount());
            cash = rate.isUsd() ? NewLine.debit(bank.code(), usd)
                    : NewLine.debit(bank.code(), usd).withOriginal(amount, rate.unitsPerUsd(), rate.effectiveFrom());
        } else if (Money.USD.equals(bank.currency())) {
            if (receipt.usdCredited() == null || receipt.usdCredited().signum() <= 0) {
                throw Problem.invalidField("usdCredited", "a " + amount.currency() + " payment into the USD account "
                        + bank.code() + " needs the USD amount the bank credited");
            }
            usd = Money.withinScale(receipt.usdCredited(), 2, "usdCredited");
            cash = NewLine.debit(bank.code(), usd);
        } else {
            throw Problem.invalidField("bankAccount", "account " + bank.code() + " is kept in " + bank.currency()
                    + "; a " + amount.currency() + " receipt goes to an account in its currency or to the USD account");
        }
        ReceiptPlan plan = new ReceiptPlan(amount.currency(), receipt.receivedOn(), amount.amount(), usd, tolerance);
        String contributor = receipt.contributor();
        Long pledge = null;
        if (receipt.agreement() != null) {
            AgreementRecord agreement = agreement(book, receipt.agreement(), amount.currency());
            if (contributor != null && !contributor.equals(agreement.getContributor())) {
                throw Problem.invalidField("contributor", "agreement " + agreement.getReference() + " was signed by "
                        + agreement.getContributor() + ", not " + contributor);
            }
            contributor = agreement.getContributor();
            plan.settle(targets(book, agreement, receipt.tranche()));
            if (plan.left().compareTo(amount.amount()) == 0 && !lenient) {
                throw nothingOpen(agreement);
            }
            plan.unapplied(contributor);
        } else if (receipt.tranche() != null) {
            throw Problem.invalidField("tranche", "a tranche goes with its agreement");
        } else if (contributor != null) {
            contributors.existing(contributor, "contributor");
            pledge = receipt.pledge() != null ? checkedPledge(receipt.pledge(), contributor)
                    : pledges.soleAnnounced(contributor, amount.currency());
            plan.revenue(contributor);
        } else {
            plan.unapplied(null);
        }
        return new Prepared(receipt, cash, usd, rate, plan, contributor, pledge, bank);
    }

    private Account cashAccount(String code) {
        Account account = chart.byCode(code);
        if (account.currency() == null || !account.code().startsWith("10")) {
            throw Problem.invalidField("bankAccount", code + " is not one of the fund's bank accounts (1010, 1011 …)");
        }
        return account;
    }

    private static AgreementRecord agreement(TrancheBook book, long id, String currency) {
        List<TrancheBook.OpenTranche> tranches = book.tranches(id);
        if (tranches.isEmpty()) {
            throw Problem.invalidField("agreement", "agreement " + id + " does not exist");
        }
        AgreementRecord agreement = tranches.getFirst().agreement;
        if (!agreement.getCurrency().trim().equals(currency)) {
            throw Problem.invalidField("amount", "agreement " + agreement.getReference() + " is in "
                    + agreement.getCurrency().trim() + "; record the receipt in that currency (usdCredited says what the bank gave)");
        }
        return agreement;
    }

    private static List<TrancheBook.OpenTranche> targets(TrancheBook book, AgreementRecord agreement, @Nullable Integer tranche) {
        List<TrancheBook.OpenTranche> all = book.tranches(agreement.getId());
        if (tranche == null) {
            return all;
        }
        TrancheBook.OpenTranche one = all.stream().filter(t -> t.number == tranche).findFirst()
                .orElseThrow(() -> Problem.invalidField("tranche", "agreement " + agreement.getReference()
                        + " has no tranche " + tranche));
        if (!one.binding) {
            throw Problem.invalidField("tranche", "tranche " + tranche + " is subject to appropriation: confirm it first");
        }
        return List.of(one);
    }

    private static Problem nothingOpen(AgreementRecord agreement) {
        return Problem.conflict("nothing-outstanding", "Nothing outstanding", "Agreement " + agreement.getReference()
                + " has nothing outstanding for this receipt to settle. Record it without the agreement (it is then held "
                + "as unapplied cash) or name another agreement.");
    }

    private Long checkedPledge(long id, String contributor) {
        Pledges.Pledge pledge = pledges.get(id);
        if (!pledge.contributor().equals(contributor)) {
            throw Problem.invalidField("pledge", "pledge " + id + " was announced by " + pledge.contributor());
        }
        return id;
    }

    private void fulfilIfPaid(long pledgeId) {
        Pledges.Pledge pledge = pledges.get(pledgeId);
        BigDecimal received = db.select(DSL.coalesce(DSL.sum(RECEIPT.AMOUNT), BigDecimal.ZERO)).from(RECEIPT)
                .where(RECEIPT.PLEDGE_ID.eq(pledgeId)).and(RECEIPT.CURRENCY.eq(pledge.amount().currency()))
                .fetchSingle().value1();
        if ("ANNOUNCED".equals(pledge.status()) && received.compareTo(pledge.amount().amount()) >= 0) {
            LocalDate paidOn = db.select(DSL.max(RECEIPT.RECEIVED_ON)).from(RECEIPT).where(RECEIPT.PLEDGE_ID.eq(pledgeId))
                    .fetchSingle().value1();
            db.update(PLEDGE).set(PLEDGE.STATUS, "FULFILLED").set(PLEDGE.STATUS_REASON, "paid without an agreement")
                    .set(PLEDGE.STATUS_CHANGED_ON, paidOn).where(PLEDGE.ID.eq(pledgeId)).execute();
        }
    }

    private static final int ROWS_PER_STATEMENT = 2000;

    private List<Long> insertReceipts(List<Prepared> prepared, List<Long> entryIds, @Nullable Long statement, String user) {
        List<Long> ids = new ArrayList<>(prepared.size());
        for (int from = 0; from < prepared.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(prepared.size(), from + ROWS_PER_STATEMENT);
            ids.addAll(insertReceiptRows(prepared.subList(from, to), entryIds.subList(from, to), statement, user));
        }
        return ids;
    }

    private List<Long> insertReceiptRows(List<Prepared> prepared, List<Long> entryIds, @Nullable Long statement, String user) {
        var insert = db.insertInto(RECEIPT, RECEIPT.CONTRIBUTOR, RECEIPT.AGREEMENT_ID, RECEIPT.PLEDGE_ID, RECEIPT.CURRENCY,
                RECEIPT.AMOUNT, RECEIPT.RECEIVED_ON, RECEIPT.BANK_ACCOUNT_ID, RECEIPT.BANK_REFERENCE, RECEIPT.USD_VALUE,
                RECEIPT.RATE, RECEIPT.RATE_DATE, RECEIPT.ENTRY_ID, RECEIPT.STATEMENT_ID, RECEIPT.REMITTANCE,
                RECEIPT.PAYER_NAME, RECEIPT.PAYER_IBAN, RECEIPT.CREATED_BY);
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            NewReceipt r = p.receipt();
            insert = insert.values(p.contributor(), r.agreement(), p.pledge(), r.amount().currency(), r.amount().amount(),
                    r.receivedOn(), p.bank().id(), r.bankReference().strip(), p.usd(),
                    p.rate() == null ? null : p.rate().unitsPerUsd(), p.rate() == null ? null : p.rate().effectiveFrom(),
                    entryIds.get(i), statement, r.remittance(), r.payerName(), r.payerIban(), user);
        }
        return insert.returning(RECEIPT.ID).fetch(RECEIPT.ID).stream().sorted().toList();
    }

    private record ApplicationRow(long receipt, ReceiptPlan.Part part, long entry, LocalDate on) {
    }

    private void insertApplications(List<ApplicationRow> all) {
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            insertApplicationRows(all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private void insertApplicationRows(List<ApplicationRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var insert = db.insertInto(RECEIPT_APPLICATION, RECEIPT_APPLICATION.RECEIPT_ID, RECEIPT_APPLICATION.KIND,
                RECEIPT_APPLICATION.AGREEMENT_ID, RECEIPT_APPLICATION.TRANCHE_NO, RECEIPT_APPLICATION.CONTRIBUTOR,
                RECEIPT_APPLICATION.AMOUNT, RECEIPT_APPLICATION.USD_VALUE, RECEIPT_APPLICATION.USD_CARRYING,
                RECEIPT_APPLICATION.ENTRY_ID, RECEIPT_APPLICATION.APPLIED_ON);
        for (ApplicationRow row : rows) {
            ReceiptPlan.Part part = row.part();
            insert = insert.values(row.receipt(), part.kind(), part.agreement(), part.tranche(), part.contributor(),
                    part.amount(), part.usd(), part.carrying(), row.entry(), row.on());
        }
        insert.execute();
    }
}
