package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.RECEIPT;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.db.tables.records.ReceiptRecord;
import org.unaoc.trustfund.system.Problem;

/** Receipts as they stand: the entry, the exchange difference, what was applied and what is still unapplied. */
@Component
public class ReceiptViews {

    private final DSLContext db;

    ReceiptViews(DSLContext db) {
        this.db = db;
    }

    public record Applied(String kind, @Nullable Long agreement, @Nullable Integer tranche, @Nullable String contributor,
                          Money amount, BigDecimal usd, @Nullable BigDecimal carryingUsd, long entry, LocalDate on) {
    }

    public record Receipt(long id, @Nullable String contributor, @Nullable Long agreement, Money amount,
                          LocalDate receivedOn, String bankAccount, String bankReference, BigDecimal usdValue,
                          @Nullable BigDecimal rate, @Nullable LocalDate rateDate, long entry,
                          BigDecimal exchangeDifference, List<Applied> applied, Money unapplied,
                          BigDecimal unappliedUsd, @Nullable Long statement, @Nullable String remittance,
                          @Nullable String payerName) {
    }

    public Receipt get(long id) {
        return select(RECEIPT.ID.eq(id)).stream().findFirst().orElseThrow(() -> Problem.notFound("Receipt " + id));
    }

    public List<Receipt> list(@Nullable String contributor, @Nullable Long statement) {
        Condition condition = contributor == null ? DSL.noCondition() : RECEIPT.CONTRIBUTOR.eq(contributor);
        if (statement != null) {
            condition = condition.and(RECEIPT.STATEMENT_ID.eq(statement));
        }
        return select(condition);
    }

    /** The receipts with unapplied cash left (2190), oldest first: only those are read whole. */
    public List<Receipt> withUnappliedCash() {
        var left = DSL.select(RECEIPT_APPLICATION.RECEIPT_ID).from(RECEIPT_APPLICATION)
                .where(RECEIPT_APPLICATION.KIND.eq("UNAPPLIED")).and(Received.standing()).groupBy(RECEIPT_APPLICATION.RECEIPT_ID)
                .having(DSL.sum(RECEIPT_APPLICATION.AMOUNT).gt(BigDecimal.ZERO));
        return select(RECEIPT.ID.in(left));
    }

    private List<Receipt> select(Condition condition) {
        return db.select(RECEIPT.asterisk(), ACCOUNT.CODE).from(RECEIPT).join(ACCOUNT).on(ACCOUNT.ID.eq(RECEIPT.BANK_ACCOUNT_ID))
                .where(condition).orderBy(RECEIPT.RECEIVED_ON, RECEIPT.ID).limit(10_000)
                .fetch(row -> receipt(row.into(RECEIPT), row.get(ACCOUNT.CODE)));
    }

    private Receipt receipt(ReceiptRecord r, String bankAccount) {
        String currency = r.getCurrency().trim();
        List<Applied> applied = db.selectFrom(RECEIPT_APPLICATION).where(RECEIPT_APPLICATION.RECEIPT_ID.eq(r.getId()))
                .and(Received.standing()).orderBy(RECEIPT_APPLICATION.ID)
                .fetch(a -> new Applied(a.getKind(), a.getAgreementId(), a.getTrancheNo(), a.getContributor(),
                        Amounts.money(a.getAmount(), currency), a.getUsdValue(), a.getUsdCarrying(), a.getEntryId(),
                        a.getAppliedOn()));
        BigDecimal unapplied = BigDecimal.ZERO;
        BigDecimal unappliedUsd = BigDecimal.ZERO;
        for (Applied a : applied) {
            if (a.kind().equals("UNAPPLIED") || a.kind().equals("REVALUATION")) {
                // a revaluation (R6) changes the USD the unapplied cash is carried at, not its amount
                unapplied = unapplied.add(a.amount().amount());
                unappliedUsd = unappliedUsd.add(a.usd());
            }
        }
        // the realised exchange difference of the receipt's own entry: cash and bank charges less the carrying
        // amounts credited, as ReceiptPlan posted it to 7810
        BigDecimal difference = BigDecimal.ZERO;
        for (Applied a : applied) {
            if (a.entry() == r.getEntryId() && a.kind().equals("TRANCHE")) {
                difference = difference.add(a.usd()).subtract(a.carryingUsd());
            } else if (a.entry() == r.getEntryId() && a.kind().equals("BANK_CHARGE")) {
                difference = difference.add(a.usd());
            }
        }
        return new Receipt(r.getId(), r.getContributor(), r.getAgreementId(), Amounts.money(r.getAmount(), currency),
                r.getReceivedOn(), bankAccount, r.getBankReference(), r.getUsdValue(), r.getRate(), r.getRateDate(),
                r.getEntryId(), difference.setScale(2), applied, new Money(unapplied.setScale(Money.decimals(currency),
                java.math.RoundingMode.UNNECESSARY), currency), unappliedUsd.setScale(2), r.getStatementId(),
                r.getRemittance(), r.getPayerName());
    }
}
