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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.unaoc.trustfund.db.tables.records.AgreementRecord;

/**
 * The open tranches of the agreements a batch of receipts touches, locked for the transaction
 * and kept in memory as the receipts settle them, so that a statement with two payments for one
 * tranche settles it once.
 */
final class TrancheBook {

    /**
     * What the books carry for one tranche on one receivable account, movement by movement: the
     * USD and the original amount held on a date are those of the movements dated on or before it
     * (R16: a payment recorded late settles what was carried on its date).
     */
    static final class Carrying {
        private final List<Movement> movements = new ArrayList<>();

        private record Movement(LocalDate date, BigDecimal usd, BigDecimal original) {
        }

        void add(LocalDate date, BigDecimal usd, BigDecimal original) {
            movements.add(new Movement(date, usd, original));
        }

        /** {USD, original} held at the end of {@code date}. */
        BigDecimal[] on(LocalDate date) {
            BigDecimal usd = BigDecimal.ZERO;
            BigDecimal original = BigDecimal.ZERO;
            for (Movement m : movements) {
                if (!m.date().isAfter(date)) {
                    usd = usd.add(m.usd());
                    original = original.add(m.original());
                }
            }
            return new BigDecimal[] {usd, original};
        }
    }

    static final class OpenTranche {
        final AgreementRecord agreement;
        final int number;
        final LocalDate dueOn;
        final boolean binding;
        BigDecimal outstanding;
        final Map<String, Carrying> carrying = new LinkedHashMap<>();

        OpenTranche(AgreementRecord agreement, int number, LocalDate dueOn, boolean binding, BigDecimal outstanding) {
            this.agreement = agreement;
            this.number = number;
            this.dueOn = dueOn;
            this.binding = binding;
            this.outstanding = outstanding;
        }

        boolean conditional() {
            return agreement.getConditionDescription() != null;
        }

        /**
         * Settles {@code amount} of the outstanding on {@code date}: returns the USD carrying
         * credited per account, the current account first, from what each carried on that date;
         * all of it when the amount takes all it held.
         */
        Map<String, BigDecimal[]> settle(BigDecimal amount, LocalDate date) {
            Map<String, BigDecimal[]> credited = new LinkedHashMap<>();
            BigDecimal left = amount;
            for (String account : List.of(Agreements.CURRENT, Agreements.NON_CURRENT)) {
                Carrying carried = carrying.get(account);
                if (carried == null || left.signum() == 0) {
                    continue;
                }
                BigDecimal[] held = carried.on(date);
                if (held[1].signum() <= 0) {
                    continue;
                }
                BigDecimal take = left.min(held[1]);
                BigDecimal usd = Amounts.share(held[0], held[1], take);
                carried.add(date, usd.negate(), take.negate());
                left = left.subtract(take);
                credited.put(account, new BigDecimal[] {usd, take});
            }
            outstanding = outstanding.subtract(amount);
            return credited;
        }
    }

    private final DSLContext db;
    private final Map<Long, List<OpenTranche>> byAgreement = new HashMap<>();

    TrancheBook(DSLContext db) {
        this.db = db;
    }

    AgreementRecord agreement(long id) {
        return tranches(id).isEmpty() ? db.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(id)).fetchSingle()
                : tranches(id).getFirst().agreement;
    }

    /** Every tranche of the agreement (binding or not), in due order; locked on first use. */
    List<OpenTranche> tranches(long agreementId) {
        return byAgreement.computeIfAbsent(agreementId, this::load);
    }

    private List<OpenTranche> load(long agreementId) {
        AgreementRecord agreement = db.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(agreementId)).forUpdate().fetchOne();
        if (agreement == null) {
            return List.of();
        }
        Map<Integer, BigDecimal> received = new HashMap<>();
        db.select(RECEIPT_APPLICATION.TRANCHE_NO, DSL.sum(RECEIPT_APPLICATION.AMOUNT)).from(RECEIPT_APPLICATION)
                .where(RECEIPT_APPLICATION.AGREEMENT_ID.eq(agreementId))
                .and(Received.onTranches())
                .groupBy(RECEIPT_APPLICATION.TRANCHE_NO)
                .forEach(r -> received.put(r.value1(), r.value2()));
        db.select(WRITE_OFF.TRANCHE_NO, DSL.sum(WRITE_OFF.AMOUNT)).from(WRITE_OFF)
                .where(WRITE_OFF.AGREEMENT_ID.eq(agreementId)).and(WRITE_OFF.KIND.eq("WRITE_OFF"))
                .groupBy(WRITE_OFF.TRANCHE_NO)
                .forEach(r -> received.merge(r.value1(), r.value2(), BigDecimal::add));
        List<OpenTranche> tranches = new ArrayList<>();
        for (var t : db.selectFrom(TRANCHE).where(TRANCHE.AGREEMENT_ID.eq(agreementId)).orderBy(TRANCHE.TRANCHE_NO)
                .forUpdate().fetch()) {
            boolean binding = !t.getSubjectToAppropriation() || t.getRecognisedOn() != null;
            tranches.add(new OpenTranche(agreement, t.getTrancheNo(), t.getDueOn(), binding,
                    t.getAmount().subtract(received.getOrDefault(t.getTrancheNo(), BigDecimal.ZERO))));
        }
        for (var row : db.select(JOURNAL_LINE.TRANCHE_NO, ACCOUNT.CODE, JOURNAL_LINE.ENTRY_DATE, DSL.sum(JOURNAL_LINE.AMOUNT_USD),
                        DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD)))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.AGREEMENT_ID.eq(agreementId))
                .and(ACCOUNT.CODE.in(Agreements.CURRENT, Agreements.NON_CURRENT))
                .groupBy(JOURNAL_LINE.TRANCHE_NO, ACCOUNT.CODE, JOURNAL_LINE.ENTRY_DATE).fetch()) {
            tranches.stream().filter(t -> t.number == row.value1()).findFirst()
                    .ifPresent(t -> t.carrying.computeIfAbsent(row.value2(), account -> new Carrying())
                            .add(row.value3(), row.value4(), row.value5()));
        }
        tranches.sort(Comparator.comparing((OpenTranche t) -> t.dueOn).thenComparingInt(t -> t.number));
        return tranches;
    }
}
