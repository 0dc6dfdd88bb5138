package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.ACCOUNT_PERIOD_BALANCE;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.RECEIPT;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;
import static org.unaoc.trustfund.db.Tables.REVALUATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.currency.Rate;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntriesPosted;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.ledger.Periods;

/**
 * R16 for money held in another currency: a tranche's receivable (1210, 1220) and the cash of a
 * bank account kept in a currency (1011 …). Whatever order the postings were recorded in, the
 * carrying amount on every date is the one date order gives:
 * <ul>
 * <li>what comes in (a receivable recognised, cash received) keeps the USD it was posted at;</li>
 * <li>what goes out (a settlement, a write-off, a payment) takes its share of the carrying amount
 * as it stood on its date, all of it when it takes all that is left (R5);</li>
 * <li>a revaluation as of D values what was held at D at D's rate (R6);</li>
 * <li>a reclassification moves the carrying amount of its date; a reversal undoes what the entry
 * it reverses should have done.</li>
 * </ul>
 * Before each transaction that touched such a balance commits, the balance is walked in date
 * order and each kind of movement (settlements, revaluations, reclassifications) compared with
 * what was posted, cumulatively, date by date. A difference is posted on the date it arises (or
 * on the first open day, when that date is in a closed month): a settlement's against 7810, a
 * revaluation's against 7820, a reclassification's between 1220 and 1210. Recorded in date
 * order there is nothing to adjust, so the worked journals post exactly what ACCOUNTING.md shows.
 */
@Service
public class CarryingAmounts {

    /** What an adjustment restates, the entry type it is posted as and where its difference goes. */
    enum Kind {
        SETTLEMENT(EntryType.SETTLEMENT_ADJUSTMENT, ReceiptPlan.REALISED),
        REVALUATION(EntryType.REVALUATION_ADJUSTMENT, Revaluations.UNREALISED),
        RECLASSIFICATION(EntryType.RECLASSIFICATION_ADJUSTMENT, null),
        WRITE_OFF(EntryType.WRITE_OFF_ADJUSTMENT, WriteOffs.IMPAIRMENT);

        final EntryType posted;
        final @Nullable String difference;

        Kind(EntryType posted, @Nullable String difference) {
            this.posted = posted;
            this.difference = difference;
        }

        /** The allowance follows the receivable it impairs: its re-measurement is impairment (6500), not exchange. */
        static Kind on(String account, Kind kind) {
            return kind == REVALUATION && account.equals(WriteOffs.ALLOWANCE) ? WRITE_OFF : kind;
        }

        static Kind of(String entryType, @Nullable String reversedType) {
            EntryType type = EntryType.valueOf(entryType);
            if (type == EntryType.REVERSAL && reversedType != null) {
                type = EntryType.valueOf(reversedType);
            }
            return switch (type) {
                case REVALUATION, REVALUATION_ADJUSTMENT -> REVALUATION;
                case RECLASSIFICATION, RECLASSIFICATION_ADJUSTMENT -> RECLASSIFICATION;
                case WRITE_OFF, WRITE_OFF_ADJUSTMENT -> WRITE_OFF;
                default -> SETTLEMENT;
            };
        }
    }

    /** One entry's net movement on one account of a balance. */
    private record Movement(long entry, LocalDate date, EntryType type, @Nullable Long reverses, Kind kind,
                            String account, BigDecimal usd, BigDecimal original) {
    }

    /** A balance in a currency: the accounts it lives on and the dimensions its lines carry. */
    private record Balance(String currency, List<String> accounts, Dimensions dimensions) {
    }

    private static final class Held {
        BigDecimal original = BigDecimal.ZERO;
        BigDecimal carrying = BigDecimal.ZERO;

        /** The USD of {@code amount} of what is held: all of it when it is all, else its share. */
        BigDecimal share(BigDecimal amount) {
            return Amounts.share(carrying, original, amount);
        }
    }

    /** A tranche's balance: its receivable, current or not, and the allowance against it (R14, R17). */
    private static final List<String> TRANCHE_ACCOUNTS = List.of(Agreements.CURRENT, Agreements.NON_CURRENT, WriteOffs.ALLOWANCE);

    private final DSLContext db;
    private final Journal journal;
    private final Periods periods;
    private final ExchangeRates rates;

    CarryingAmounts(DSLContext db, Journal journal, Periods periods, ExchangeRates rates) {
        this.db = db;
        this.journal = journal;
        this.periods = periods;
        this.rates = rates;
    }

    @EventListener
    void posted(EntriesPosted posted) {
        List<Long> entries = posted.entries();
        if (entries.isEmpty()) {
            return;
        }
        // one bind value however many entries the transaction posted (a bank statement posts thousands)
        Field<Long[]> ids = DSL.val(entries.toArray(Long[]::new));
        Map<String, LocalDate> cashFrom = new TreeMap<>();
        Map<List<Object>, Balance> tranches = new LinkedHashMap<>();
        for (var row : db.select(ACCOUNT.CODE, ACCOUNT.CURRENCY, JOURNAL_LINE.CURRENCY, JOURNAL_LINE.CONTRIBUTOR,
                        JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO, DSL.min(JOURNAL_LINE.ENTRY_DATE))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(JOURNAL_LINE.ENTRY_ID.eq(DSL.any(ids)))
                .and(JOURNAL_ENTRY.TYPE.notIn(adjustmentTypes()))
                // receivables in any currency (a USD one for its reclassifications), cash in another currency
                .and(ACCOUNT.CODE.in(TRANCHE_ACCOUNTS).and(JOURNAL_LINE.AGREEMENT_ID.isNotNull())
                        .or(ACCOUNT.CURRENCY.ne(Money.USD).and(JOURNAL_LINE.CURRENCY.ne(Money.USD))))
                .groupBy(ACCOUNT.CODE, ACCOUNT.CURRENCY, JOURNAL_LINE.CURRENCY, JOURNAL_LINE.CONTRIBUTOR,
                        JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO)
                .fetch()) {
            String currency = row.value3() == null ? Money.USD : row.value3().trim();
            if (row.value2() != null) {
                cashFrom.merge(row.value1(), row.value7(), (a, b) -> a.isBefore(b) ? a : b);
            } else {
                Dimensions dimensions = new Dimensions(row.value4(), row.value5(), row.value6(), null, null);
                tranches.putIfAbsent(java.util.Arrays.asList(row.value5(), row.value6(), currency), new Balance(currency,
                        TRANCHE_ACCOUNTS, dimensions));
            }
        }
        // a USD receivable can only be restated by its move from 1220 to 1210: walk it when it has one
        List<Long> usdAgreements = tranches.values().stream().filter(t -> t.currency().equals(Money.USD))
                .map(t -> t.dimensions().agreement()).distinct().toList();
        if (!usdAgreements.isEmpty()) {
            java.util.Set<Long> reclassified = new java.util.HashSet<>(db.selectDistinct(JOURNAL_LINE.AGREEMENT_ID)
                    .from(JOURNAL_LINE).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                    .where(JOURNAL_ENTRY.TYPE.eq(EntryType.RECLASSIFICATION.name()))
                    .and(JOURNAL_LINE.AGREEMENT_ID.eq(DSL.any(DSL.val(usdAgreements.toArray(Long[]::new)))))
                    .fetch(JOURNAL_LINE.AGREEMENT_ID));
            tranches.values().removeIf(t -> t.currency().equals(Money.USD) && !reclassified.contains(t.dimensions().agreement()));
        }
        List<Long> receipts = db.selectDistinct(RECEIPT_APPLICATION.RECEIPT_ID).from(RECEIPT_APPLICATION)
                .join(RECEIPT).on(RECEIPT.ID.eq(RECEIPT_APPLICATION.RECEIPT_ID))
                .where(RECEIPT.CURRENCY.ne(Money.USD)).and(RECEIPT_APPLICATION.KIND.in(HELD))
                .and(RECEIPT_APPLICATION.ENTRY_ID.eq(DSL.any(ids))
                        .or(RECEIPT_APPLICATION.ENTRY_ID.in(DSL.select(JOURNAL_ENTRY.REVERSES_ID).from(JOURNAL_ENTRY)
                                .where(JOURNAL_ENTRY.ID.eq(DSL.any(ids))))))
                .orderBy(RECEIPT_APPLICATION.RECEIPT_ID).fetch(RECEIPT_APPLICATION.RECEIPT_ID);
        if (cashFrom.isEmpty() && tranches.isEmpty() && receipts.isEmpty()) {
            return;
        }
        LocalDate firstOpen = periods.firstOpenDay();
        Set<LocalDate> revaluations = revaluationDates();
        String user = db.select(JOURNAL_ENTRY.CREATED_BY).from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.ID.eq(entries.getFirst()))
                .fetchSingle(JOURNAL_ENTRY.CREATED_BY);
        for (Balance tranche : tranches.values()) {
            adjust(tranche, trancheCondition(tranche), LocalDate.MIN, revaluations, firstOpen, user);
        }
        for (long receipt : receipts) {
            adjustUnapplied(receipt, revaluations, firstOpen, user);
        }
        for (var cash : cashFrom.entrySet()) {
            String currency = db.select(ACCOUNT.CURRENCY).from(ACCOUNT).where(ACCOUNT.CODE.eq(cash.getKey()))
                    .fetchSingle(ACCOUNT.CURRENCY).trim();
            Balance account = new Balance(currency, List.of(cash.getKey()), Dimensions.NONE);
            adjust(account, ACCOUNT.CODE.eq(cash.getKey()), cash.getValue(), revaluations, firstOpen, user);
        }
    }

    private static List<String> adjustmentTypes() {
        return java.util.Arrays.stream(EntryType.values()).filter(EntryType::isAdjustment).map(Enum::name).toList();
    }

    private static Condition trancheCondition(Balance tranche) {
        return ACCOUNT.CODE.in(tranche.accounts()).and(JOURNAL_LINE.AGREEMENT_ID.eq(tranche.dimensions().agreement()))
                .and(JOURNAL_LINE.TRANCHE_NO.eq(tranche.dimensions().tranche()))
                .and(tranche.currency().equals(Money.USD) ? JOURNAL_LINE.CURRENCY.isNull()
                        : JOURNAL_LINE.CURRENCY.eq(tranche.currency()));
    }

    private Set<LocalDate> revaluationDates() {
        return new TreeSet<>(db.selectDistinct(REVALUATION.AS_OF).from(REVALUATION).fetch(REVALUATION.AS_OF));
    }

    /**
     * Walks the balance in date order from {@code from} (what was held before it taken as it
     * stands) and posts what each kind of movement lacks, date by date.
     */
    private void adjust(Balance balance, Condition lines, LocalDate from, Set<LocalDate> revaluations, LocalDate firstOpen,
                        String user) {
        var reversed = JOURNAL_ENTRY.as("reversed");
        Map<String, Held> held = new HashMap<>();
        balance.accounts().forEach(account -> held.put(account, new Held()));
        if (!from.equals(LocalDate.MIN)) {
            // a bank account's months before the walk from the kept period balances, not its every line
            for (var row : db.select(ACCOUNT.CODE, DSL.sum(ACCOUNT_PERIOD_BALANCE.DEBIT_USD.minus(ACCOUNT_PERIOD_BALANCE.CREDIT_USD)),
                            DSL.sum(ACCOUNT_PERIOD_BALANCE.NET_ORIGINAL))
                    .from(ACCOUNT_PERIOD_BALANCE).join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID))
                    .where(ACCOUNT.CODE.in(balance.accounts())).and(ACCOUNT_PERIOD_BALANCE.CURRENCY.eq(balance.currency()))
                    .and(ACCOUNT_PERIOD_BALANCE.PERIOD_ID.lt(Periods.idOf(from)))
                    .groupBy(ACCOUNT.CODE).fetch()) {
                Held h = held.get(row.value1());
                h.carrying = row.value2();
                h.original = row.value3();
            }
            from = from.withDayOfMonth(1);
        }
        List<Movement> movements = db.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.TYPE,
                        JOURNAL_ENTRY.REVERSES_ID, reversed.TYPE, ACCOUNT.CODE, DSL.sum(JOURNAL_LINE.AMOUNT_USD),
                        DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD)))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .leftJoin(reversed).on(reversed.ID.eq(JOURNAL_ENTRY.REVERSES_ID))
                .where(lines).and(from.equals(LocalDate.MIN) ? DSL.noCondition() : JOURNAL_LINE.ENTRY_DATE.ge(from))
                .groupBy(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.TYPE, JOURNAL_ENTRY.REVERSES_ID,
                        reversed.TYPE, ACCOUNT.CODE)
                .fetch(row -> new Movement(row.value1(), row.value2(), EntryType.valueOf(row.value3()), row.value4(),
                        Kind.on(row.value6(), Kind.of(row.value3(), row.value5())), row.value6(), row.value7(), row.value8()));
        TreeMap<LocalDate, List<Movement>> byDate = new TreeMap<>();
        for (Movement m : movements) {
            byDate.computeIfAbsent(m.date(), d -> new ArrayList<>()).add(m);
        }
        if (movements.isEmpty()) {
            return;
        }
        for (LocalDate date : revaluations) {
            if (!date.isBefore(from)) {
                byDate.computeIfAbsent(date, d -> new ArrayList<>());
            }
        }
        Map<Long, Map<String, BigDecimal>> targets = new HashMap<>();
        Map<Kind, Map<String, BigDecimal>> missing = new EnumMap<>(Kind.class);
        Map<String, BigDecimal> missingOriginal = new LinkedHashMap<>();
        Map<Long, BigDecimal> moved = new HashMap<>();
        Set<String> reclassified = new java.util.HashSet<>();
        Map<LocalDate, Map<Kind, Map<String, BigDecimal>>> adjustments = new TreeMap<>();
        Map<LocalDate, Map<String, BigDecimal>> movedAmounts = new TreeMap<>();
        for (var day : byDate.entrySet()) {
            LocalDate date = day.getKey();
            List<Movement> ofDay = new ArrayList<>(day.getValue());
            // within a day: what leaves before what arrives in the same entry; at the day's end the
            // revaluation, then the move from 1220 to 1210 of what it revalued (the period-end order)
            ofDay.sort(Comparator.comparingLong(Movement::entry).thenComparing(m -> m.original().signum()));
            java.util.function.Consumer<Movement> walk = m -> {
                // what was posted counts as it stands; what it should have been is added below
                add(missing, m.kind(), m.account(), m.usd().negate());
                if (m.type() == EntryType.RECLASSIFICATION_ADJUSTMENT) {
                    // a move already restated counts with its amount as well as its USD
                    addOriginal(missingOriginal, m.account(), m.original().negate());
                }
                if (m.type() == EntryType.REVALUATION || m.type().isAdjustment()) {
                    return;
                }
                Held h = held.get(m.account());
                BigDecimal target = m.account().equals(WriteOffs.ALLOWANCE) ? allowanceTarget(m, h, held, targets)
                        : target(m, h, targets);
                BigDecimal amount = m.original();
                if (m.type() == EntryType.RECLASSIFICATION) {
                    // a reclassification moves what the account held on its date: its amount as well as its USD
                    amount = m.original().signum() < 0 ? h.original.negate()
                            : moved.getOrDefault(m.entry(), m.original());
                    if (m.original().signum() < 0) {
                        target = h.carrying.negate();
                        moved.merge(m.entry(), h.original, BigDecimal::add);
                    }
                    addOriginal(missingOriginal, m.account(), amount.subtract(m.original()));
                }
                h.original = h.original.add(amount);
                h.carrying = h.carrying.add(target);
                targets.computeIfAbsent(m.entry(), e -> new HashMap<>()).merge(m.account(), target, BigDecimal::add);
                add(missing, m.kind(), m.account(), target);
                if (m.type() == EntryType.RECLASSIFICATION && m.original().signum() < 0) {
                    if (amount.signum() != 0) {
                        reclassified.add(m.account()); // the tranche was current from then on
                    }
                } else if (m.type() == EntryType.REVERSAL && amount.signum() > 0 && reclassified.contains(m.account())) {
                    // a settlement undone after its tranche moved to current comes back where the tranche now is
                    Held current = held.get(Agreements.CURRENT);
                    h.original = h.original.subtract(amount);
                    h.carrying = h.carrying.subtract(target);
                    current.original = current.original.add(amount);
                    current.carrying = current.carrying.add(target);
                    add(missing, Kind.RECLASSIFICATION, m.account(), target.negate());
                    add(missing, Kind.RECLASSIFICATION, Agreements.CURRENT, target);
                    addOriginal(missingOriginal, m.account(), amount.negate());
                    addOriginal(missingOriginal, Agreements.CURRENT, amount);
                }
            };
            ofDay.stream().filter(m -> m.type() != EntryType.RECLASSIFICATION).forEach(walk);
            if (!balance.currency().equals(Money.USD)
                    && (revaluations.contains(date) || ofDay.stream().anyMatch(m -> m.type() == EntryType.REVALUATION))) {
                for (var account : held.entrySet()) {
                    Held h = account.getValue();
                    if (h.original.signum() == 0 && h.carrying.signum() == 0) {
                        continue;
                    }
                    Rate rate = rates.on(balance.currency(), date);
                    BigDecimal target = rate.toUsd(h.original).subtract(h.carrying);
                    h.carrying = h.carrying.add(target);
                    add(missing, Kind.on(account.getKey(), Kind.REVALUATION), account.getKey(), target);
                }
            }
            ofDay.stream().filter(m -> m.type() == EntryType.RECLASSIFICATION).forEach(walk);
            if (date.isBefore(firstOpen)) {
                continue;
            }
            for (var kind : missing.entrySet()) {
                for (var account : kind.getValue().entrySet()) {
                    BigDecimal amount = kind.getKey() == Kind.RECLASSIFICATION
                            ? missingOriginal.getOrDefault(account.getKey(), BigDecimal.ZERO) : BigDecimal.ZERO;
                    if (account.getValue().signum() != 0) {
                        adjustments.computeIfAbsent(date, d -> new EnumMap<>(Kind.class))
                                .computeIfAbsent(kind.getKey(), k -> new LinkedHashMap<>())
                                .put(account.getKey(), account.getValue());
                        movedAmounts.computeIfAbsent(date, d -> new LinkedHashMap<>()).put(account.getKey(), amount);
                        account.setValue(BigDecimal.ZERO);
                        missingOriginal.remove(account.getKey());
                    }
                }
            }
        }
        post(balance, adjustments, movedAmounts, firstOpen, user);
    }

    /** A receipt's unapplied cash restated on a date: the USD change and the application it follows, if any. */
    private record Restatement(Kind kind, BigDecimal change, LocalDate date, @Nullable Long applying) {
    }

    /** The receipt_application kinds that make up a receipt's unapplied cash (2190). */
    static final List<String> HELD = List.of("UNAPPLIED", "REVALUATION");

    /** One row of a receipt's unapplied cash, or the undoing of one by the reversal of its entry. */
    private record UnappliedRow(long row, LocalDate date, Kind kind, EntryType type, BigDecimal amount, BigDecimal usd,
                            @Nullable Long undoes, long entry) {
    }

    /**
     * R16 for a receipt's unapplied cash held in its currency (2190, the sub-ledger of
     * receipt_application): walked in date order like a receivable. Cash applied takes its share of
     * what was carried on its date; a revaluation values what was held on its date; a reversal
     * of the receipt takes out all that is left. A revaluation's difference is restated against
     * 7820; an application's against 7810 on the tranche it settled, whose received USD moves with it.
     */
    private void adjustUnapplied(long receipt, Set<LocalDate> revaluations, LocalDate firstOpen, String user) {
        var r = db.selectFrom(RECEIPT).where(RECEIPT.ID.eq(receipt)).fetchSingle();
        String currency = r.getCurrency().trim();
        var reversal = JOURNAL_ENTRY.as("reversal");
        List<UnappliedRow> rows = new ArrayList<>();
        for (var row : db.select(RECEIPT_APPLICATION.ID, RECEIPT_APPLICATION.APPLIED_ON, JOURNAL_ENTRY.TYPE,
                        RECEIPT_APPLICATION.AMOUNT, RECEIPT_APPLICATION.USD_VALUE, RECEIPT_APPLICATION.ENTRY_ID,
                        reversal.ENTRY_DATE)
                .from(RECEIPT_APPLICATION).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(RECEIPT_APPLICATION.ENTRY_ID))
                .leftJoin(reversal).on(reversal.REVERSES_ID.eq(RECEIPT_APPLICATION.ENTRY_ID))
                .where(RECEIPT_APPLICATION.RECEIPT_ID.eq(receipt)).and(RECEIPT_APPLICATION.KIND.in(HELD))
                .orderBy(RECEIPT_APPLICATION.APPLIED_ON, RECEIPT_APPLICATION.ID).fetch()) {
            EntryType type = EntryType.valueOf(row.value3());
            rows.add(new UnappliedRow(row.value1(), row.value2(), Kind.of(row.value3(), null), type, row.value4(), row.value5(),
                    null, row.value6()));
            if (row.value7() != null) {
                // the reversal mirrors the row's journal line; what it should take out is worked out below
                rows.add(new UnappliedRow(-row.value1(), row.value7(), Kind.SETTLEMENT, type, row.value4().negate(),
                        row.value5().negate(), row.value1(), row.value6()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        TreeMap<LocalDate, List<UnappliedRow>> byDate = new TreeMap<>();
        rows.forEach(row -> byDate.computeIfAbsent(row.date(), d -> new ArrayList<>()).add(row));
        revaluations.stream().filter(date -> !date.isBefore(r.getReceivedOn()))
                .forEach(date -> byDate.computeIfAbsent(date, d -> new ArrayList<>()));
        Held held = new Held();
        Map<Long, BigDecimal> targets = new HashMap<>();
        Map<Kind, BigDecimal> missing = new EnumMap<>(Kind.class);
        List<Restatement> restated = new ArrayList<>();
        Long lastApplication = null;
        for (var day : byDate.entrySet()) {
            LocalDate date = day.getKey();
            for (UnappliedRow row : day.getValue()) {
                missing.merge(row.kind(), row.usd().negate(), BigDecimal::add);
                if (row.type() == EntryType.REVALUATION || row.type().isAdjustment()) {
                    continue;
                }
                BigDecimal target;
                if (row.amount().signum() > 0 && row.undoes() == null) {
                    target = row.usd();
                } else if (row.amount().signum() > 0) {
                    BigDecimal undone = targets.get(row.undoes());
                    target = undone == null ? row.usd() : undone.negate();
                } else if (held.original.signum() > 0) {
                    target = held.share(row.amount().negate()).negate();
                    lastApplication = row.undoes() == null ? row.entry() : null;
                } else {
                    target = row.usd();
                }
                held.original = held.original.add(row.amount());
                held.carrying = held.carrying.add(target);
                targets.put(row.row(), target);
                missing.merge(row.kind(), target, BigDecimal::add);
            }
            if (revaluations.contains(date) && (held.original.signum() != 0 || held.carrying.signum() != 0)) {
                BigDecimal target = rates.on(currency, date).toUsd(held.original).subtract(held.carrying);
                held.carrying = held.carrying.add(target);
                missing.merge(Kind.REVALUATION, target, BigDecimal::add);
            }
            if (date.isBefore(firstOpen)) {
                continue;
            }
            for (var kind : missing.entrySet()) {
                BigDecimal change = kind.getValue();
                if (change.signum() == 0) {
                    continue;
                }
                kind.setValue(BigDecimal.ZERO);
                restated.add(new Restatement(kind.getKey(), change, date, lastApplication));
            }
        }
        for (Restatement each : restated) {
            Kind kind = each.kind();
            BigDecimal change = each.change();
            LocalDate date = each.date();
            LocalDate on = date.isBefore(firstOpen) ? firstOpen : date;
            Long applying = each.applying();
            var tranche = kind == Kind.SETTLEMENT && applying != null
                    ? db.select(RECEIPT_APPLICATION.AGREEMENT_ID, RECEIPT_APPLICATION.TRANCHE_NO).from(RECEIPT_APPLICATION)
                            .where(RECEIPT_APPLICATION.ENTRY_ID.eq(applying)).and(RECEIPT_APPLICATION.KIND.eq("TRANCHE"))
                            .orderBy(RECEIPT_APPLICATION.ID).limit(1).fetchOne() : null;
            Dimensions dimensions = new Dimensions(r.getContributor(), tranche == null ? null : tranche.value1(),
                    tranche == null ? null : tranche.value2(), null, null);
            String difference = kind == Kind.REVALUATION ? Revaluations.UNREALISED : ReceiptPlan.REALISED;
            // 2190 is a liability: more USD carried is a credit
            long entry = journal.post(new NewEntry(on, kind.posted, (kind == Kind.REVALUATION
                    ? "Revaluation of " + date + " restated for the unapplied cash of receipt " + receipt + " then held (R16)"
                    : "Unapplied cash of receipt " + receipt + " applied at its carrying amount of " + date + " (R16)"),
                    List.of(new NewLine(ReceiptPlan.UNAPPLIED, change.negate(), new Money(BigDecimal.ZERO, currency), null, null,
                                    dimensions),
                            new NewLine(difference, change, null, null, null, dimensions)), null, user, null, null));
            insertRow(receipt, "REVALUATION", null, null, r.getContributor(), change, entry, on);
            if (tranche != null) {
                insertRow(receipt, "TRANCHE", tranche.value1(), tranche.value2(), r.getContributor(), change.negate(), entry, on);
            }
        }
    }

    private void insertRow(long receipt, String kind, @Nullable Long agreement, @Nullable Integer tranche,
                           @Nullable String contributor, BigDecimal usd, long entry, LocalDate on) {
        db.insertInto(RECEIPT_APPLICATION).set(RECEIPT_APPLICATION.RECEIPT_ID, receipt).set(RECEIPT_APPLICATION.KIND, kind)
                .set(RECEIPT_APPLICATION.AGREEMENT_ID, agreement).set(RECEIPT_APPLICATION.TRANCHE_NO, tranche)
                .set(RECEIPT_APPLICATION.CONTRIBUTOR, contributor).set(RECEIPT_APPLICATION.AMOUNT, BigDecimal.ZERO)
                .set(RECEIPT_APPLICATION.USD_VALUE, usd).set(RECEIPT_APPLICATION.ENTRY_ID, entry)
                .set(RECEIPT_APPLICATION.APPLIED_ON, on).execute();
    }

    /** The USD the movement should have posted, from what was held before it in date order. */
    private static BigDecimal target(Movement m, Held h, Map<Long, Map<String, BigDecimal>> targets) {
        if (m.type() == EntryType.REVERSAL) {
            Map<String, BigDecimal> undone = m.reverses() == null ? null : targets.get(m.reverses());
            BigDecimal original = undone == null ? null : undone.get(m.account());
            return original == null ? m.usd() : original.negate();
        }
        if (m.type() == EntryType.RECLASSIFICATION && m.original().signum() > 0) {
            // arrives with what left the other account in the same entry
            Map<String, BigDecimal> leaving = targets.get(m.entry());
            return leaving == null ? m.usd() : leaving.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).negate();
        }
        if (m.original().signum() < 0 && h.original.signum() > 0) {
            return h.share(m.original().negate()).negate();
        }
        return m.usd();
    }

    /**
     * The USD an allowance line should have posted: a new allowance the receivable's carrying amount
     * of its date for the amount it covers; what a write-off takes from it, its share of what the
     * allowance carries (all of it when it takes all).
     */
    private static BigDecimal allowanceTarget(Movement m, Held allowance, Map<String, Held> held,
                                              Map<Long, Map<String, BigDecimal>> targets) {
        if (m.type() == EntryType.REVERSAL || m.original().signum() == 0) {
            return target(m, allowance, targets);
        }
        if (m.original().signum() > 0) {
            return allowance.original.signum() < 0 ? allowance.share(m.original().negate()).negate() : m.usd();
        }
        Held current = held.get(Agreements.CURRENT);
        Held nonCurrent = held.get(Agreements.NON_CURRENT);
        BigDecimal original = current.original.add(nonCurrent.original);
        if (original.signum() <= 0) {
            return m.usd();
        }
        return Amounts.share(current.carrying.add(nonCurrent.carrying), original, m.original().negate()).negate();
    }

    private static void addOriginal(Map<String, BigDecimal> missing, String account, BigDecimal amount) {
        missing.merge(account, amount, BigDecimal::add);
    }

    private static void add(Map<Kind, Map<String, BigDecimal>> missing, Kind kind, String account, BigDecimal usd) {
        missing.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(account, usd, BigDecimal::add);
    }

    /** One entry per date and kind: the balance's lines (no currency moves) and their difference. */
    private void post(Balance balance, Map<LocalDate, Map<Kind, Map<String, BigDecimal>>> adjustments,
                      Map<LocalDate, Map<String, BigDecimal>> movedAmounts, LocalDate firstOpen, String user) {
        if (adjustments.isEmpty()) {
            return;
        }
        List<NewEntry> entries = new ArrayList<>();
        for (var day : adjustments.entrySet()) {
            LocalDate on = day.getKey().isBefore(firstOpen) ? firstOpen : day.getKey();
            for (var kind : day.getValue().entrySet()) {
                List<NewLine> lines = new ArrayList<>();
                BigDecimal total = BigDecimal.ZERO;
                for (var account : kind.getValue().entrySet()) {
                    BigDecimal amount = kind.getKey() == Kind.RECLASSIFICATION
                            ? movedAmounts.get(day.getKey()).getOrDefault(account.getKey(), BigDecimal.ZERO) : BigDecimal.ZERO;
                    Money original = balance.currency().equals(Money.USD) ? null
                            : new Money(amount.signum() == account.getValue().signum() ? amount : BigDecimal.ZERO, balance.currency());
                    lines.add(new NewLine(account.getKey(), account.getValue(), original, null, null, balance.dimensions()));
                    total = total.add(account.getValue());
                }
                if (total.signum() != 0) {
                    String difference = kind.getKey().difference != null ? kind.getKey().difference : ReceiptPlan.REALISED;
                    lines.add(new NewLine(difference, total.negate(), null, null, null, balance.dimensions()));
                }
                entries.add(new NewEntry(on, kind.getKey().posted, description(balance, kind.getKey(), day.getKey()),
                        lines, null, user, null, null));
            }
        }
        journal.postAll(entries);
    }

    private static String description(Balance balance, Kind kind, LocalDate date) {
        String what = balance.dimensions().agreement() != null
                ? "agreement " + balance.dimensions().agreement() + " tranche " + balance.dimensions().tranche()
                : "account " + balance.accounts().getFirst();
        return switch (kind) {
            case SETTLEMENT -> "Settled at the carrying amount of " + date + " (R16): " + what;
            case REVALUATION -> "Revaluation of " + date + " restated for what was held then (R16): " + what;
            case RECLASSIFICATION -> "Reclassified at the carrying amount of " + date + " (R16): " + what;
            case WRITE_OFF -> "Written off at the carrying amount of " + date + " (R16): " + what;
        };
    }
}
