package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
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
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.Problem;

/**
 * Agreements as they stand: each tranche with what was received, what is outstanding in the
 * agreement's currency, and the USD amount the books carry for it (the receivable lines).
 */
@Component
public class AgreementViews {

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private final DSLContext db;

    AgreementViews(DSLContext db) {
        this.db = db;
    }

    public record Tranche(int number, LocalDate dueOn, Money amount, boolean subjectToAppropriation,
                          @Nullable LocalDate recognisedOn, String status, Money received, BigDecimal receivedUsd,
                          Money writtenOff, Money outstanding, BigDecimal carryingUsd) {
    }

    public record Agreement(long id, String contributor, String reference, LocalDate signedOn, String currency,
                            @Nullable Long pledge, @Nullable String earmark, @Nullable String condition,
                            @Nullable LocalDate conditionDeadline, List<Tranche> tranches) {
    }

    public Agreement get(long id) {
        return select(AGREEMENT.ID.eq(id)).stream().findFirst().orElseThrow(() -> Problem.notFound("Agreement " + id));
    }

    List<Agreement> list(@Nullable String contributor) {
        return select(contributor == null ? DSL.noCondition() : AGREEMENT.CONTRIBUTOR.eq(contributor));
    }

    private List<Agreement> select(Condition condition) {
        List<Agreement> agreements = new ArrayList<>();
        var rows = db.selectFrom(AGREEMENT).where(condition).orderBy(AGREEMENT.SIGNED_ON, AGREEMENT.ID).fetch();
        if (rows.isEmpty()) {
            return agreements;
        }
        List<Long> ids = rows.map(r -> r.getId());
        Map<String, BigDecimal[]> received = received(ids);
        Map<String, BigDecimal> writtenOff = writtenOff(ids);
        Map<String, BigDecimal> carrying = carrying(ids);
        Map<Long, List<Tranche>> tranches = new HashMap<>();
        for (var t : db.selectFrom(TRANCHE).where(TRANCHE.AGREEMENT_ID.in(ids)).orderBy(TRANCHE.TRANCHE_NO).fetch()) {
            String currency = rows.stream().filter(r -> r.getId().equals(t.getAgreementId())).findFirst().orElseThrow()
                    .getCurrency().trim();
            String key = t.getAgreementId() + "/" + t.getTrancheNo();
            BigDecimal[] got = received.getOrDefault(key, new BigDecimal[] {ZERO, ZERO});
            BigDecimal written = writtenOff.getOrDefault(key, BigDecimal.ZERO);
            BigDecimal outstanding = t.getAmount().subtract(got[0]).subtract(written);
            tranches.computeIfAbsent(t.getAgreementId(), k -> new ArrayList<>()).add(new Tranche(t.getTrancheNo(),
                    t.getDueOn(), Amounts.money(t.getAmount(), currency), t.getSubjectToAppropriation(), t.getRecognisedOn(),
                    status(t.getSubjectToAppropriation(), t.getRecognisedOn(), got[0], written, outstanding),
                    Amounts.money(got[0], currency), got[1], Amounts.money(written, currency),
                    Amounts.money(outstanding, currency), carrying.getOrDefault(key, new BigDecimal("0.00"))));
        }
        for (var a : rows) {
            agreements.add(new Agreement(a.getId(), a.getContributor(), a.getReference(), a.getSignedOn(),
                    a.getCurrency().trim(), a.getPledgeId(), a.getEarmark(), a.getConditionDescription(),
                    a.getConditionDeadline(), tranches.getOrDefault(a.getId(), List.of())));
        }
        return agreements;
    }

    static String status(boolean subjectToAppropriation, @Nullable LocalDate recognisedOn, BigDecimal received,
                         BigDecimal writtenOff, BigDecimal outstanding) {
        if (subjectToAppropriation && recognisedOn == null) {
            return "SUBJECT_TO_APPROPRIATION";
        }
        if (outstanding.signum() == 0 && writtenOff.signum() > 0) {
            return "WRITTEN_OFF";
        }
        if (outstanding.signum() == 0) {
            return "PAID";
        }
        return received.signum() > 0 ? "PARTIALLY_PAID" : "OPEN";
    }

    /** Per "agreement/tranche": received in the agreement's currency and its USD value. */
    private Map<String, BigDecimal[]> received(List<Long> ids) {
        Map<String, BigDecimal[]> received = new HashMap<>();
        for (var row : db.select(RECEIPT_APPLICATION.AGREEMENT_ID, RECEIPT_APPLICATION.TRANCHE_NO,
                        DSL.sum(RECEIPT_APPLICATION.AMOUNT), DSL.sum(RECEIPT_APPLICATION.USD_VALUE))
                .from(RECEIPT_APPLICATION)
                .where(RECEIPT_APPLICATION.AGREEMENT_ID.in(ids))
                .and(Received.onTranches())
                .groupBy(RECEIPT_APPLICATION.AGREEMENT_ID, RECEIPT_APPLICATION.TRANCHE_NO).fetch()) {
            received.put(row.value1() + "/" + row.value2(), new BigDecimal[] {row.value3(), row.value4()});
        }
        return received;
    }

    /** Per "agreement/tranche": written off in the agreement's currency. */
    private Map<String, BigDecimal> writtenOff(List<Long> ids) {
        Map<String, BigDecimal> written = new HashMap<>();
        for (var row : db.select(WRITE_OFF.AGREEMENT_ID, WRITE_OFF.TRANCHE_NO, DSL.sum(WRITE_OFF.AMOUNT)).from(WRITE_OFF)
                .where(WRITE_OFF.AGREEMENT_ID.in(ids)).and(WRITE_OFF.KIND.eq("WRITE_OFF"))
                .groupBy(WRITE_OFF.AGREEMENT_ID, WRITE_OFF.TRANCHE_NO).fetch()) {
            written.put(row.value1() + "/" + row.value2(), row.value3());
        }
        return written;
    }

    /** Per "agreement/tranche": the USD the receivable accounts carry. */
    private Map<String, BigDecimal> carrying(List<Long> ids) {
        Map<String, BigDecimal> carrying = new HashMap<>();
        for (var row : db.select(JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO, DSL.sum(JOURNAL_LINE.AMOUNT_USD))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.AGREEMENT_ID.in(ids)).and(ACCOUNT.CODE.in(Agreements.CURRENT, Agreements.NON_CURRENT))
                .groupBy(JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO).fetch()) {
            carrying.put(row.value1() + "/" + row.value2(), row.value3());
        }
        return carrying;
    }
}
