package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.CONTRIBUTOR;
import static org.unaoc.trustfund.db.Tables.FISCAL_PERIOD;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.PLEDGE;
import static org.unaoc.trustfund.db.Tables.RECEIPT;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;
import static org.unaoc.trustfund.db.Tables.TRANCHE;
import static org.unaoc.trustfund.db.Tables.WRITE_OFF;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Periods;
import org.unaoc.trustfund.security.Viewer;

/**
 * The status of contributions on a date: per contributor and agreement, what was agreed, received,
 * written off and is outstanding, in the agreement's currency and in USD; cash without an
 * agreement; and apart, the pledges announced but not secured.
 */
@Service
public class ContributionStatus {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final DSLContext db;

    ContributionStatus(DSLContext db) {
        this.db = db;
    }

    public record AgreementRow(String contributor, String contributorName, long agreement, String reference,
                               LocalDate signedOn, Money agreed, BigDecimal agreedUsd, Money received,
                               BigDecimal receivedUsd, Money writtenOff, Money outstanding, BigDecimal outstandingUsd,
                               BigDecimal exchangeDifferencesUsd, Money notYetBinding) {
    }

    public record WithoutAgreement(String contributor, String contributorName, Money received, BigDecimal receivedUsd) {
    }

    public record Announced(long pledge, String contributor, String contributorName, Money amount, LocalDate announcedOn,
                            @Nullable LocalDate expectedOn) {
    }

    public record Totals(BigDecimal agreedUsd, BigDecimal receivedUsd, BigDecimal outstandingUsd,
                         BigDecimal receivedWithoutAgreementUsd, BigDecimal unappliedUsd) {
    }

    public record Status(LocalDate asOf, boolean provisional, @Nullable String contributor, List<AgreementRow> agreements,
                         List<WithoutAgreement> withoutAgreement, List<Announced> announcedPledges, Totals totals) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Status asOf(LocalDate asOf, Viewer viewer) {
        String only = viewer.listLimitedTo();
        Condition mine = only == null ? DSL.noCondition() : AGREEMENT.CONTRIBUTOR.eq(only);
        Map<Long, BigDecimal[]> ledger = ledgerFigures(asOf);
        Map<Long, BigDecimal[]> received = received(asOf);
        Map<Long, BigDecimal> writtenOff = new HashMap<>();
        db.select(WRITE_OFF.AGREEMENT_ID, DSL.sum(WRITE_OFF.AMOUNT)).from(WRITE_OFF).where(WRITE_OFF.KIND.eq("WRITE_OFF"))
                .and(WRITE_OFF.WRITTEN_ON.le(asOf)).groupBy(WRITE_OFF.AGREEMENT_ID)
                .forEach(r -> writtenOff.put(r.value1(), r.value2()));
        List<AgreementRow> rows = new ArrayList<>();
        BigDecimal[] totals = {ZERO, ZERO, ZERO};
        for (var a : db.select(AGREEMENT.ID, AGREEMENT.CONTRIBUTOR, CONTRIBUTOR.NAME, AGREEMENT.REFERENCE,
                        AGREEMENT.SIGNED_ON, AGREEMENT.CURRENCY,
                        DSL.sum(TRANCHE.AMOUNT).filterWhere(TRANCHE.RECOGNISED_ON.le(asOf)
                                .or(AGREEMENT.CONDITION_DESCRIPTION.isNotNull().and(TRANCHE.SUBJECT_TO_APPROPRIATION.isFalse()))),
                        DSL.sum(TRANCHE.AMOUNT))
                .from(AGREEMENT).join(CONTRIBUTOR).on(CONTRIBUTOR.CODE.eq(AGREEMENT.CONTRIBUTOR))
                .join(TRANCHE).on(TRANCHE.AGREEMENT_ID.eq(AGREEMENT.ID))
                .where(AGREEMENT.SIGNED_ON.le(asOf)).and(mine)
                .groupBy(AGREEMENT.ID, CONTRIBUTOR.NAME)
                .orderBy(CONTRIBUTOR.NAME, AGREEMENT.SIGNED_ON, AGREEMENT.ID)
                .fetch()) {
            String currency = a.value6().trim();
            BigDecimal agreed = a.value7() == null ? BigDecimal.ZERO : a.value7();
            BigDecimal[] books = ledger.getOrDefault(a.value1(), new BigDecimal[] {ZERO, ZERO, ZERO});
            BigDecimal[] got = received.getOrDefault(a.value1(), new BigDecimal[] {BigDecimal.ZERO, ZERO});
            BigDecimal written = writtenOff.getOrDefault(a.value1(), BigDecimal.ZERO);
            BigDecimal outstanding = agreed.subtract(got[0]).subtract(written);
            rows.add(new AgreementRow(a.value2(), a.value3(), a.value1(), a.value4(), a.value5(),
                    Amounts.money(agreed, currency), books[0], Amounts.money(got[0], currency), got[1],
                    Amounts.money(written, currency), Amounts.money(outstanding, currency), books[1], books[2],
                    Amounts.money(a.value8().subtract(agreed), currency)));
            totals[0] = totals[0].add(books[0]);
            totals[1] = totals[1].add(got[1]);
            totals[2] = totals[2].add(books[1]);
        }
        List<WithoutAgreement> without = withoutAgreement(asOf, only);
        BigDecimal withoutUsd = without.stream().map(WithoutAgreement::receivedUsd).reduce(ZERO, BigDecimal::add);
        return new Status(asOf, provisional(asOf), only, rows, without, announced(asOf, only),
                new Totals(totals[0], totals[1], totals[2], withoutUsd, only == null ? unapplied(asOf) : ZERO));
    }

    /** Per agreement from the journal: revenue recognised, receivable carried, exchange differences. */
    private Map<Long, BigDecimal[]> ledgerFigures(LocalDate asOf) {
        Map<Long, BigDecimal[]> figures = new HashMap<>();
        for (var row : db.select(JOURNAL_LINE.AGREEMENT_ID,
                        DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD.neg()).filterWhere(ACCOUNT.CODE.eq("4100")), ZERO),
                        DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD).filterWhere(ACCOUNT.CODE.in("1210", "1220")), ZERO),
                        DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD.neg()).filterWhere(ACCOUNT.CODE.in("7810", "7820")), ZERO))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.AGREEMENT_ID.isNotNull()).and(JOURNAL_LINE.ENTRY_DATE.le(asOf))
                .groupBy(JOURNAL_LINE.AGREEMENT_ID).fetch()) {
            figures.put(row.value1(), new BigDecimal[] {row.value2(), row.value3(), row.value4()});
        }
        return figures;
    }

    /** Per agreement: received in its currency and in USD (cash and bank charges; conditional cash too). */
    private Map<Long, BigDecimal[]> received(LocalDate asOf) {
        Map<Long, BigDecimal[]> received = new HashMap<>();
        for (var row : db.select(RECEIPT_APPLICATION.AGREEMENT_ID, DSL.sum(RECEIPT_APPLICATION.AMOUNT),
                        DSL.sum(RECEIPT_APPLICATION.USD_VALUE))
                .from(RECEIPT_APPLICATION)
                .where(Received.onTranchesBy(asOf))
                .groupBy(RECEIPT_APPLICATION.AGREEMENT_ID).fetch()) {
            received.put(row.value1(), new BigDecimal[] {row.value2(), row.value3()});
        }
        return received;
    }

    private List<WithoutAgreement> withoutAgreement(LocalDate asOf, @Nullable String only) {
        return db.select(RECEIPT_APPLICATION.CONTRIBUTOR, CONTRIBUTOR.NAME, RECEIPT.CURRENCY,
                        DSL.sum(RECEIPT_APPLICATION.AMOUNT), DSL.sum(RECEIPT_APPLICATION.USD_VALUE))
                .from(RECEIPT_APPLICATION).join(RECEIPT).on(RECEIPT.ID.eq(RECEIPT_APPLICATION.RECEIPT_ID))
                .join(CONTRIBUTOR).on(CONTRIBUTOR.CODE.eq(RECEIPT_APPLICATION.CONTRIBUTOR))
                .where(RECEIPT_APPLICATION.KIND.eq("REVENUE")).and(RECEIPT_APPLICATION.APPLIED_ON.le(asOf))
                .and(Received.standingBy(asOf))
                .and(only == null ? DSL.noCondition() : RECEIPT_APPLICATION.CONTRIBUTOR.eq(only))
                .groupBy(RECEIPT_APPLICATION.CONTRIBUTOR, CONTRIBUTOR.NAME, RECEIPT.CURRENCY)
                .orderBy(CONTRIBUTOR.NAME)
                .fetch(r -> new WithoutAgreement(r.value1(), r.value2(), Amounts.money(r.value4(), r.value3()), r.value5()));
    }

    private List<Announced> announced(LocalDate asOf, @Nullable String only) {
        return db.select(PLEDGE.ID, PLEDGE.CONTRIBUTOR, CONTRIBUTOR.NAME, PLEDGE.AMOUNT, PLEDGE.CURRENCY,
                        PLEDGE.ANNOUNCED_ON, PLEDGE.EXPECTED_ON)
                .from(PLEDGE).join(CONTRIBUTOR).on(CONTRIBUTOR.CODE.eq(PLEDGE.CONTRIBUTOR))
                .where(Pledges.announcedOn(asOf))
                .and(only == null ? DSL.noCondition() : PLEDGE.CONTRIBUTOR.eq(only))
                .orderBy(PLEDGE.ANNOUNCED_ON, PLEDGE.ID)
                .fetch(r -> new Announced(r.value1(), r.value2(), r.value3(), Amounts.money(r.value4(), r.value5()),
                        r.value6(), r.value7()));
    }

    private BigDecimal unapplied(LocalDate asOf) {
        return db.select(DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD.neg()), ZERO)).from(JOURNAL_LINE)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(ACCOUNT.CODE.eq(ReceiptPlan.UNAPPLIED)).and(JOURNAL_LINE.ENTRY_DATE.le(asOf))
                .fetchSingle().value1();
    }

    private boolean provisional(LocalDate asOf) {
        return db.fetchExists(FISCAL_PERIOD, FISCAL_PERIOD.ID.le(Periods.idOf(asOf)).and(FISCAL_PERIOD.STATUS.eq("OPEN"))
                .and(FISCAL_PERIOD.ID.ge(DSL.select(DSL.coalesce(DSL.min(JOURNAL_LINE.PERIOD_ID), Periods.idOf(asOf)))
                        .from(JOURNAL_LINE))));
    }
}
