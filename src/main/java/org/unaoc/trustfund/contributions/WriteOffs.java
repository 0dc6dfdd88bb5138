package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.CONTRIBUTOR;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.WRITE_OFF;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.system.Problem;

/**
 * Uncollectable contributions (R14): first an allowance (Dr 6500 / Cr 1290), then, after
 * approval by another officer, the write-off (Dr 1290 / Cr 1210) at the carrying amount.
 */
@Component
public class WriteOffs implements ControlledOperation<WriteOffs.Request> {

    static final String IMPAIRMENT = "6500";
    static final String ALLOWANCE = "1290";

    private final DSLContext db;
    private final Journal journal;

    WriteOffs(DSLContext db, Journal journal) {
        this.db = db;
        this.journal = journal;
    }

    /** Amount in the agreement's currency; all that is outstanding when absent. */
    public record Request(Long agreement, @Nullable Integer tranche, @Nullable BigDecimal amount, @Nullable LocalDate date,
                          String reason) {
    }

    public record Scheduled(long id, String kind, String contributor, String contributorName, long agreement,
                            String reference, int tranche, Money amount, BigDecimal usd, String reason, LocalDate on,
                            String maker, @Nullable String approver) {
    }

    @Override
    public String name() {
        return "WRITE_OFF";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        return "Write-off of agreement " + request.agreement() + (request.tranche() == null ? "" : " tranche " + request.tranche())
                + (request.amount() == null ? " (all outstanding)" : " amount " + request.amount().toPlainString())
                + ": " + request.reason();
    }

    @Override
    public void check(Request request, String maker) {
        plan(request);
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        Plan plan = plan(request);
        LocalDate on = date(request);
        Allowance allowance = allowance(request.agreement(), plan.tranche.number, on);
        // the allowance this write-off uses, in the receivable's currency, and the USD it carries (R17)
        BigDecimal used = allowance.amount().min(plan.amount);
        BigDecimal usedUsd = used.signum() <= 0 ? BigDecimal.ZERO : Amounts.share(allowance.usd(), allowance.amount(), used);
        String currency = plan.tranche.agreement.getCurrency().trim();
        List<NewLine> lines = new ArrayList<>();
        var dimensions = Agreements.dimensions(plan.tranche.agreement, plan.tranche.number);
        if (used.signum() > 0) {
            lines.add(inCurrency(NewLine.debit(ALLOWANCE, usedUsd).withDimensions(dimensions), used, currency));
        }
        BigDecimal impairment = plan.usd.subtract(usedUsd);
        if (impairment.signum() != 0) {
            lines.add(new NewLine(IMPAIRMENT, impairment, null, null, null, dimensions));
        }
        for (var credit : plan.credited.entrySet()) {
            lines.add(inCurrency(NewLine.credit(credit.getKey(), credit.getValue()[0]).withDimensions(dimensions),
                    credit.getValue()[1].negate(), currency));
        }
        long entry = journal.post(new NewEntry(on, EntryType.WRITE_OFF, "Write-off of " + plan.tranche.agreement.getReference()
                + " tranche " + plan.tranche.number + ": " + request.reason(), lines, null, maker, approver, approval));
        insert("WRITE_OFF", request.agreement(), plan.tranche.number, plan.amount, plan.usd, request.reason(), on, entry,
                maker, approver, approval);
        return schedule(request.agreement()).getLast();
    }

    /**
     * The allowance for doubtful contributions: Dr 6500 / Cr 1290, the receivable itself untouched.
     * It is in the receivable's currency at the receivable's carrying amount of its date, and is
     * revalued with it (R17), so that a write-off leaves nothing in 1290.
     */
    @Transactional
    public Scheduled allow(Request request, String user) {
        Plan plan = plan(request);
        LocalDate on = date(request);
        BigDecimal more = plan.amount.subtract(allowance(request.agreement(), plan.tranche.number, on).amount());
        if (more.signum() <= 0) {
            throw Problem.conflict("allowance-exists", "Allowance exists", "An allowance already covers this receivable.");
        }
        BigDecimal usd = Amounts.share(plan.usd, plan.amount, more);
        String currency = plan.tranche.agreement.getCurrency().trim();
        var dimensions = Agreements.dimensions(plan.tranche.agreement, plan.tranche.number);
        long entry = journal.post(new NewEntry(on, EntryType.WRITE_OFF, "Allowance for doubtful contribution "
                + plan.tranche.agreement.getReference() + " tranche " + plan.tranche.number + ": " + request.reason(),
                List.of(NewLine.debit(IMPAIRMENT, usd).withDimensions(dimensions),
                        inCurrency(NewLine.credit(ALLOWANCE, usd).withDimensions(dimensions), more.negate(), currency)),
                null, user, null, null));
        insert("ALLOWANCE", request.agreement(), plan.tranche.number, more, usd, request.reason(), on, entry, user, null, null);
        return schedule(request.agreement()).getLast();
    }

    private static NewLine inCurrency(NewLine line, BigDecimal amount, String currency) {
        return currency.equals(Money.USD) ? line : line.withOriginal(new Money(amount, currency), null, null);
    }

    public List<Scheduled> schedule(@Nullable Long agreement) {
        return db.select(WRITE_OFF.asterisk(), AGREEMENT.REFERENCE, AGREEMENT.CONTRIBUTOR, CONTRIBUTOR.NAME, AGREEMENT.CURRENCY)
                .from(WRITE_OFF).join(AGREEMENT).on(AGREEMENT.ID.eq(WRITE_OFF.AGREEMENT_ID))
                .join(CONTRIBUTOR).on(CONTRIBUTOR.CODE.eq(AGREEMENT.CONTRIBUTOR))
                .where(agreement == null ? DSL.noCondition() : WRITE_OFF.AGREEMENT_ID.eq(agreement))
                .orderBy(WRITE_OFF.ID)
                .fetch(r -> {
                    var w = r.into(WRITE_OFF);
                    String currency = r.get(AGREEMENT.CURRENCY).trim();
                    return new Scheduled(w.getId(), w.getKind(), r.get(AGREEMENT.CONTRIBUTOR), r.get(CONTRIBUTOR.NAME),
                            w.getAgreementId(), r.get(AGREEMENT.REFERENCE), w.getTrancheNo(), Amounts.money(w.getAmount(), currency),
                            w.getUsd(), w.getReason(), w.getWrittenOn(), w.getCreatedBy(), w.getApprovedBy());
                });
    }

    private record Plan(TrancheBook.OpenTranche tranche, BigDecimal amount, BigDecimal usd,
                        java.util.Map<String, BigDecimal[]> credited) {
    }

    /** Which tranche, how much of it, and the carrying amount that goes with it (read, not yet booked). */
    private Plan plan(Request request) {
        if (request.agreement() == null || request.reason() == null || request.reason().isBlank()) {
            throw Problem.invalid("A write-off names its agreement and says why.");
        }
        TrancheBook book = new TrancheBook(db);
        List<TrancheBook.OpenTranche> tranches = book.tranches(request.agreement());
        if (tranches.isEmpty()) {
            throw Problem.invalidField("agreement", "agreement " + request.agreement() + " does not exist");
        }
        TrancheBook.OpenTranche tranche = tranches.stream()
                .filter(t -> request.tranche() == null ? t.binding && t.outstanding.signum() > 0 : t.number == request.tranche())
                .findFirst()
                .orElseThrow(() -> Problem.invalidField("tranche", "no open tranche to write off"));
        if (tranche.conditional()) {
            throw Problem.invalidField("agreement", "a conditional agreement carries no receivable to write off");
        }
        BigDecimal amount = request.amount() == null ? tranche.outstanding : request.amount();
        if (amount.signum() <= 0 || amount.compareTo(tranche.outstanding) > 0) {
            throw Problem.invalidField("amount", "must be positive and at most the outstanding " + tranche.outstanding.toPlainString());
        }
        var credited = tranche.settle(amount, date(request));
        BigDecimal usd = credited.values().stream().map(v -> v[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (usd.signum() <= 0) {
            throw Problem.conflict("nothing-carried", "Nothing carried", "The receivable carries no USD to write off.");
        }
        return new Plan(tranche, amount, usd, credited);
    }

    /** The allowance held against a tranche on a date: in the receivable's currency, and the USD it is carried at. */
    private record Allowance(BigDecimal amount, BigDecimal usd) {
    }

    private Allowance allowance(long agreement, int tranche, LocalDate on) {
        var held = db.select(DSL.coalesce(DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD).neg()), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD.neg()), BigDecimal.ZERO))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(ACCOUNT.CODE.eq(ALLOWANCE)).and(JOURNAL_LINE.AGREEMENT_ID.eq(agreement))
                .and(JOURNAL_LINE.TRANCHE_NO.eq(tranche)).and(JOURNAL_LINE.ENTRY_DATE.le(on)).fetchSingle();
        return new Allowance(held.value1(), held.value2());
    }

    private void insert(String kind, long agreement, int tranche, BigDecimal amount, BigDecimal usd, String reason,
                        LocalDate on, long entry, String maker, @Nullable String approver, @Nullable Long approval) {
        db.insertInto(WRITE_OFF).set(WRITE_OFF.KIND, kind).set(WRITE_OFF.AGREEMENT_ID, agreement)
                .set(WRITE_OFF.TRANCHE_NO, tranche).set(WRITE_OFF.AMOUNT, amount).set(WRITE_OFF.USD, usd)
                .set(WRITE_OFF.REASON, reason).set(WRITE_OFF.WRITTEN_ON, on).set(WRITE_OFF.ENTRY_ID, entry)
                .set(WRITE_OFF.CREATED_BY, maker).set(WRITE_OFF.APPROVED_BY, approver).set(WRITE_OFF.APPROVAL_ID, approval)
                .execute();
    }

    private static LocalDate date(Request request) {
        return request.date() != null ? request.date() : LocalDate.now(java.time.ZoneOffset.UTC);
    }
}
