package org.unaoc.trustfund.ledger;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The posting engine. An entry is checked here, then posted in one transaction: the entry row,
 * the lock of every account it touches (ascending id, so two postings never deadlock), and its
 * lines in one statement. The database keeps the balances (a statement trigger), refuses a
 * closed period and, at commit, an entry that does not balance.
 */
@Service
public class Journal {

    private final DSLContext db;
    private final ChartOfAccounts chart;
    private final Periods periods;
    private final ApplicationEventPublisher events;

    Journal(DSLContext db, ChartOfAccounts chart, Periods periods, ApplicationEventPublisher events) {
        this.db = db;
        this.chart = chart;
        this.periods = periods;
        this.events = events;
    }

    /** Posts the entry and returns its id. */
    @Transactional
    public long post(NewEntry entry) {
        return postAll(List.of(entry)).getFirst();
    }

    /**
     * Posts many entries in one batch (a bank statement, a revaluation run): the accounts are
     * locked once, the entries and all their lines go in one statement each. Returns the ids in order.
     */
    @Transactional
    public List<Long> postAll(List<NewEntry> entries) {
        return postAll(entries, false);
    }

    /**
     * As {@link #postAll(List)}; with {@code lockLast} the lines (and the lock of their accounts)
     * wait until just before COMMIT, so that a hot account such as cash is held for one statement
     * and the commit, not for everything else the transaction writes. For callers that do not read
     * these entries' lines back before they commit.
     */
    @Transactional
    public List<Long> postAll(List<NewEntry> entries, boolean lockLast) {
        List<List<PlacedLine>> placed = entries.stream().map(entry -> place(entry.lines())).toList();
        entries.stream().map(NewEntry::period).distinct().forEach(periods::requireOpen);
        List<Long> ids = insertEntries(entries);
        List<PlacedLine> all = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (PlacedLine line : placed.get(i)) {
                all.add(line.in(ids.get(i), entries.get(i)));
            }
        }
        all.sort(Comparator.comparingInt((PlacedLine p) -> p.account().id()).thenComparingLong(PlacedLine::entryId)
                .thenComparingInt(PlacedLine::number));
        if (lockLast && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return LINES_BEFORE_COMMIT;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    insertLines(all, lockAccounts(all));
                }
            });
        } else {
            insertLines(all, lockAccounts(all));
        }
        published(ids);
        return ids;
    }

    /** Lines put off to the commit go in before {@link EntriesPosted} is published. */
    private static final int LINES_BEFORE_COMMIT = 0;

    /**
     * Collects the transaction's entries and publishes them once before it commits, after the
     * lines put off to then; entries posted while they are published are not published again.
     */
    private void published(List<Long> ids) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(new EntriesPosted(ids));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Long> collected = (List<Long>) TransactionSynchronizationManager.getResource(EntriesPosted.class);
        if (collected != null) {
            collected.addAll(ids);
            return;
        }
        List<Long> posted = new ArrayList<>(ids);
        TransactionSynchronizationManager.bindResource(EntriesPosted.class, posted);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                events.publishEvent(new EntriesPosted(posted));
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(EntriesPosted.class);
            }
        });
    }

    /** Rows per statement: PostgreSQL takes at most 65,535 bind values in one statement. */
    static final int ROWS_PER_STATEMENT = 2000;

    private List<Long> insertEntries(List<NewEntry> entries) {
        List<Long> ids = new ArrayList<>(entries.size());
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            var insert = db.insertInto(JOURNAL_ENTRY, JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.PERIOD_ID, JOURNAL_ENTRY.TYPE,
                    JOURNAL_ENTRY.DESCRIPTION, JOURNAL_ENTRY.REVERSES_ID, JOURNAL_ENTRY.CREATED_BY, JOURNAL_ENTRY.APPROVED_BY,
                    JOURNAL_ENTRY.APPROVAL_ID);
            for (NewEntry entry : entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT))) {
                insert = insert.values(entry.date(), entry.period(), entry.type().name(), entry.description(),
                        entry.reverses(), entry.createdBy(), entry.approvedBy(), entry.approval());
            }
            // identities are drawn in the order of the rows, so ascending ids follow the entries
            ids.addAll(insert.returning(JOURNAL_ENTRY.ID).fetch(JOURNAL_ENTRY.ID).stream().sorted().toList());
        }
        return ids;
    }

    /** Everything {@link #post} would refuse before touching the books: accounts, currencies, period. */
    public void check(NewEntry entry) {
        place(entry.lines());
        periods.requireOpen(entry.period());
    }

    /** Each line with its account and its number in the entry, ordered by account id for locking. */
    private List<PlacedLine> place(List<NewLine> lines) {
        List<PlacedLine> placed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            NewLine line = lines.get(i);
            Account account = chart.byCode(line.account());
            if (account.currency() != null && !"USD".equals(account.currency())
                    && (line.original() == null || !account.currency().equals(line.original().currency()))) {
                throw org.unaoc.trustfund.system.Problem.invalidField("currency", "account " + account.code()
                        + " is kept in " + account.currency() + ": its lines carry the " + account.currency() + " amount");
            }
            placed.add(new PlacedLine(i + 1, account, line));
        }
        return placed;
    }

    private Map<Integer, Long> lockAccounts(List<PlacedLine> lines) {
        List<Integer> ids = lines.stream().map(p -> p.account().id()).distinct().toList();
        Map<Integer, Long> versions = new HashMap<>();
        for (Record row : db.select(ACCOUNT.ID, ACCOUNT.VERSION).from(ACCOUNT)
                .where(ACCOUNT.ID.in(ids)).orderBy(ACCOUNT.ID).forNoKeyUpdate().fetch()) {
            versions.put(row.get(ACCOUNT.ID), row.get(ACCOUNT.VERSION));
        }
        return versions;
    }

    private void insertLines(List<PlacedLine> all, Map<Integer, Long> versions) {
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            insertLineRows(all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)), versions);
        }
    }

    private void insertLineRows(List<PlacedLine> lines, Map<Integer, Long> versions) {
        var insert = db.insertInto(JOURNAL_LINE, JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO,
                JOURNAL_LINE.ACCOUNT_ID, JOURNAL_LINE.ENTRY_DATE, JOURNAL_LINE.PERIOD_ID, JOURNAL_LINE.AMOUNT_USD,
                JOURNAL_LINE.CURRENCY, JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.RATE, JOURNAL_LINE.RATE_DATE,
                JOURNAL_LINE.CONTRIBUTOR, JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO, JOURNAL_LINE.COMPONENT,
                JOURNAL_LINE.OBJECT_CLASS, JOURNAL_LINE.ACCOUNT_VERSION);
        for (PlacedLine placed : lines) {
            NewLine line = placed.line();
            long version = versions.merge(placed.account().id(), 1L, Long::sum);
            Dimensions d = line.dimensions();
            insert = insert.values(placed.entryId(), (short) placed.number(), placed.account().id(), placed.date(),
                    placed.period(), line.usd(), line.original() == null ? null : line.original().currency(),
                    line.original() == null ? null : line.original().amount(), line.rate(), line.rateDate(),
                    d.contributor(), d.agreement(), d.tranche(), d.component(), d.objectClass(), version);
        }
        insert.execute();
    }

    private record PlacedLine(int number, Account account, NewLine line, long entryId, java.time.LocalDate date, int period) {
        PlacedLine(int number, Account account, NewLine line) {
            this(number, account, line, 0, java.time.LocalDate.MIN, 0);
        }

        PlacedLine in(long entry, NewEntry newEntry) {
            return new PlacedLine(number, account, line, entry, newEntry.date(), newEntry.period());
        }
    }
}
