package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.unaoc.trustfund.ledger.AccountType;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntriesPosted;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.ledger.Periods;

/**
 * Conditions met in time (R4, R16, R21; #16 item 7). What the books must show met of each
 * conditional agreement on each day is worked out from the journal in date order, whatever order
 * things were recorded in: spending on the earmarked component from the agreement's signature to
 * its deadline (PSC included, reversals at their dates) meets the cash held under the condition,
 * oldest agreement first, as soon as both are there: spending before the cash meets it when the
 * cash arrives. An agreement whose expiry is posted is settled: later-recorded spending does not
 * meet it again. The difference from what is posted is posted on its day (Dr 2300 / Cr 4100, or
 * back when spending or cash was reversed), or on the first open day when that day is closed.
 */
@Component
class ConditionsMet {

    private final DSLContext db;
    private final Journal journal;
    private final Periods periods;

    ConditionsMet(DSLContext db, Journal journal, Periods periods) {
        this.db = db;
        this.journal = journal;
        this.periods = periods;
    }

    /** After any posting that moves spending on a component or cash held under a condition. */
    @EventListener
    void posted(EntriesPosted posted) {
        if (posted.entries().isEmpty()) {
            return;
        }
        Field<Long[]> ids = DSL.val(posted.entries().toArray(Long[]::new));
        List<String> components = db.selectDistinct(DSL.coalesce(JOURNAL_LINE.COMPONENT, AGREEMENT.EARMARK))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .leftJoin(AGREEMENT).on(AGREEMENT.ID.eq(JOURNAL_LINE.AGREEMENT_ID))
                .where(JOURNAL_LINE.ENTRY_ID.eq(DSL.any(ids)))
                .and(ACCOUNT.TYPE.eq(AccountType.EXPENSE.name()).and(JOURNAL_LINE.COMPONENT.isNotNull())
                        .or(ACCOUNT.CODE.eq(Conditions.CONDITIONAL)))
                .fetch(0, String.class);
        if (components.isEmpty()) {
            return;
        }
        String user = db.select(JOURNAL_ENTRY.CREATED_BY).from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.ID.eq(posted.entries().getFirst()))
                .fetchSingle(JOURNAL_ENTRY.CREATED_BY);
        long last = posted.entries().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (String component : components) {
            // an expenditure restates its component as it posts: nothing posted since, nothing to do again
            if (component != null && !restatedSince(component, last)) {
                restate(component, user);
            }
        }
    }

    /** Whether this transaction restated the component after posting every entry up to {@code last}. */
    private static boolean restatedSince(String component, long last) {
        @SuppressWarnings("unchecked")
        Map<String, Long> restated = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Map<String, Long>) TransactionSynchronizationManager.getResource(ConditionsMet.class) : null;
        return restated != null && restated.getOrDefault(component, 0L) >= last;
    }

    /** Remembers, for this transaction, the last entry on the books when the component was restated. */
    private void remember(String component) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> restated = (Map<String, Long>) TransactionSynchronizationManager.getResource(ConditionsMet.class);
        if (restated == null) {
            Map<String, Long> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(ConditionsMet.class, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ConditionsMet.class);
                }
            });
            restated = fresh;
        }
        Long last = db.select(DSL.max(JOURNAL_ENTRY.ID)).from(JOURNAL_ENTRY).fetchSingle().value1();
        restated.put(component, last == null ? 0L : last);
    }

    private record Agreement(long id, String contributor, String reference, ConditionAllocation.Terms terms) {
    }

    /** Brings what is posted met for the component's conditional agreements to what date order gives. Returns the entries. */
    List<Long> restate(String component, String user) {
        List<ConditionAllocation.Fact> facts = new ArrayList<>();
        List<Agreement> agreements = agreements(component, facts);
        if (agreements.isEmpty()) {
            return List.of();
        }
        // spending before the first signature meets nothing (its reversals, later, are read)
        LocalDate firstSigned = agreements.stream().map(a -> a.terms().signedOn()).min(LocalDate::compareTo).orElseThrow();
        db.select(JOURNAL_LINE.ENTRY_DATE, JOURNAL_LINE.ENTRY_ID, JOURNAL_ENTRY.REVERSES_ID, DSL.sum(JOURNAL_LINE.AMOUNT_USD))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(ACCOUNT.TYPE.eq(AccountType.EXPENSE.name())).and(JOURNAL_LINE.COMPONENT.eq(component))
                .and(JOURNAL_LINE.ENTRY_DATE.ge(firstSigned))
                .groupBy(JOURNAL_LINE.ENTRY_DATE, JOURNAL_LINE.ENTRY_ID, JOURNAL_ENTRY.REVERSES_ID)
                .orderBy(JOURNAL_LINE.ENTRY_ID)
                .forEach(r -> facts.add(new ConditionAllocation.Fact(r.value1(), r.value2(), r.value3(), r.value4(),
                        ConditionAllocation.Fact.SPENDING)));
        List<NavigableMap<LocalDate, BigDecimal>> targets = ConditionAllocation.of(
                agreements.stream().map(Agreement::terms).toList(), facts);
        LocalDate firstOpen = periods.firstOpenDay();
        List<Long> posted = new ArrayList<>();
        for (int k = 0; k < agreements.size(); k++) {
            Agreement agreement = agreements.get(k);
            NavigableMap<LocalDate, BigDecimal> postedMet = agreement.terms().posted();
            BigDecimal restated = BigDecimal.ZERO;
            for (var day : targets.get(k).entrySet()) {
                BigDecimal postedBy = postedMet.headMap(day.getKey(), true).values().stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add).add(restated);
                BigDecimal difference = day.getValue().subtract(postedBy);
                if (difference.signum() != 0) {
                    LocalDate on = day.getKey().isBefore(firstOpen) ? firstOpen : day.getKey();
                    posted.add(post(component, agreement, difference, on, user));
                    restated = restated.add(difference);
                }
            }
        }
        remember(component);
        return posted;
    }

    /**
     * The component's conditional agreements, oldest first, with what is posted met for each by
     * day; the cash under each condition goes into {@code facts}.
     */
    private List<Agreement> agreements(String component, List<ConditionAllocation.Fact> facts) {
        List<Agreement> agreements = new ArrayList<>();
        var reversed = JOURNAL_ENTRY.as("reversed");
        // inlined, so that the same expression groups what it selects
        Field<String> met = DSL.inline(EntryType.CONDITION_MET.name());
        Field<String> refund = DSL.inline(EntryType.REFUND.name());
        Field<String> kind = DSL.when(JOURNAL_ENTRY.TYPE.eq(met).or(reversed.TYPE.eq(met)), DSL.inline("MET"))
                .when(JOURNAL_ENTRY.TYPE.eq(refund).or(reversed.TYPE.eq(refund)), DSL.inline("EXPIRY"))
                .otherwise(DSL.inline("CASH"));
        for (var row : db.selectFrom(AGREEMENT).where(AGREEMENT.EARMARK.eq(component))
                .and(AGREEMENT.CONDITION_DESCRIPTION.isNotNull()).orderBy(AGREEMENT.SIGNED_ON, AGREEMENT.ID).forUpdate().fetch()) {
            int index = agreements.size();
            NavigableMap<LocalDate, BigDecimal> posted = new TreeMap<>();
            BigDecimal expiry = BigDecimal.ZERO;
            for (var line : db.select(JOURNAL_LINE.ENTRY_DATE, JOURNAL_LINE.ENTRY_ID, kind, DSL.sum(JOURNAL_LINE.AMOUNT_USD))
                    .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                    .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                    .leftJoin(reversed).on(reversed.ID.eq(JOURNAL_ENTRY.REVERSES_ID))
                    .where(ACCOUNT.CODE.eq(Conditions.CONDITIONAL)).and(JOURNAL_LINE.AGREEMENT_ID.eq(row.getId()))
                    .groupBy(JOURNAL_LINE.ENTRY_DATE, JOURNAL_LINE.ENTRY_ID, kind).orderBy(JOURNAL_LINE.ENTRY_ID).fetch()) {
                switch (line.value3()) {
                    case "MET" -> posted.merge(line.value1(), line.value4(), BigDecimal::add);
                    case "EXPIRY" -> expiry = expiry.add(line.value4());
                    default -> facts.add(new ConditionAllocation.Fact(line.value1(), line.value2(), null,
                            line.value4().negate(), index));
                }
            }
            agreements.add(new Agreement(row.getId(), row.getContributor(), row.getReference(),
                    new ConditionAllocation.Terms(row.getSignedOn(), row.getConditionDeadline(), expiry.signum() != 0, posted)));
        }
        return agreements;
    }

    private long post(String component, Agreement agreement, BigDecimal met, LocalDate on, String user) {
        Dimensions dimensions = new Dimensions(agreement.contributor(), agreement.id(), null, component, null);
        String description = met.signum() > 0 ? "Condition of " + agreement.reference() + " met by spending on " + component
                : "Condition of " + agreement.reference() + " met no longer: spending on " + component
                        + " or the cash held under it was reversed";
        return journal.post(new NewEntry(on, EntryType.CONDITION_MET, description,
                List.of(new NewLine(Conditions.CONDITIONAL, met, null, null, null, dimensions),
                        new NewLine(Conditions.REVENUE, met.negate(), null, null, null, dimensions)), null, user, null, null));
    }
}
