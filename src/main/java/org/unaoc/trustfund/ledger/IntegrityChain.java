package org.unaoc.trustfund.ledger;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.CHAIN_LINK;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.PERIOD_EVENT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.unaoc.trustfund.system.AdvisoryLocks;
import org.unaoc.trustfund.system.Sha256;

/**
 * Tamper evidence: every posted entry, and every period close with its trial-balance hash, is a
 * link of a hash chain, {@code chain = SHA-256(previous chain || content)}, written by a single
 * writer in the order it sees them committed. The verifier recomputes every link from the rows
 * as they are now and names the first that no longer matches.
 */
@Service
public class IntegrityChain {

    private static final int BATCH = 1000;
    private static final String GENESIS = "0".repeat(64);

    private final DSLContext db;
    private final TransactionTemplate transactions;

    IntegrityChain(DSLContext db, TransactionTemplate transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    public record Broken(long seq, String kind, @Nullable Long entry, @Nullable String period, String reason) {
    }

    public record Verification(String status, long linksChecked, long entriesNotYetChained, @Nullable Broken firstBroken,
                               @Nullable String lastChainHash) {
    }

    /** Chains what is committed and not yet chained; one writer at a time across the application's instances. */
    @Scheduled(fixedDelayString = "${trustfund.chain-interval-ms:2000}", initialDelayString = "${trustfund.chain-initial-delay-ms:5000}")
    public void catchUp() {
        boolean more = true;
        while (more) {
            Boolean chainedSome = transactions.execute(status -> {
                if (!AdvisoryLocks.tryHold(db, AdvisoryLocks.CHAIN_WRITER, "chain")) {
                    return false;
                }
                return chainEntries() + chainCloses() > 0;
            });
            more = Boolean.TRUE.equals(chainedSome);
        }
    }

    private int chainEntries() {
        List<Long> ids = db.select(JOURNAL_ENTRY.ID).from(JOURNAL_ENTRY)
                .whereNotExists(db.selectOne().from(CHAIN_LINK).where(CHAIN_LINK.ENTRY_ID.eq(JOURNAL_ENTRY.ID)))
                .orderBy(JOURNAL_ENTRY.ID).limit(BATCH).fetch(JOURNAL_ENTRY.ID);
        if (ids.isEmpty()) {
            return 0;
        }
        Map<Long, String> contents = entryContents(ids);
        Link last = last();
        var insert = db.insertInto(CHAIN_LINK, CHAIN_LINK.SEQ, CHAIN_LINK.KIND, CHAIN_LINK.ENTRY_ID, CHAIN_LINK.CONTENT_HASH,
                CHAIN_LINK.CHAIN_HASH);
        for (long id : ids) {
            String content = Sha256.of(contents.get(id));
            String chain = Sha256.of(last.chain() + content);
            last = new Link(last.seq() + 1, chain);
            insert = insert.values(last.seq(), "ENTRY", id, content, chain);
        }
        insert.execute();
        return ids.size();
    }

    private int chainCloses() {
        var closes = db.select(PERIOD_EVENT.ID).from(PERIOD_EVENT).where(PERIOD_EVENT.ACTION.eq("CLOSE"))
                .andNotExists(db.selectOne().from(CHAIN_LINK).where(CHAIN_LINK.EVENT_ID.eq(PERIOD_EVENT.ID)))
                .orderBy(PERIOD_EVENT.ID).limit(BATCH).fetch(PERIOD_EVENT.ID);
        Link last = last();
        for (long event : closes) {
            String content = Sha256.of(closeContent(event));
            String chain = Sha256.of(last.chain() + content);
            last = new Link(last.seq() + 1, chain);
            db.insertInto(CHAIN_LINK).set(CHAIN_LINK.SEQ, last.seq()).set(CHAIN_LINK.KIND, "PERIOD_CLOSE")
                    .set(CHAIN_LINK.EVENT_ID, event).set(CHAIN_LINK.CONTENT_HASH, content).set(CHAIN_LINK.CHAIN_HASH, chain)
                    .execute();
        }
        return closes.size();
    }

    private record Link(long seq, String chain) {
    }

    private Link last() {
        return db.select(CHAIN_LINK.SEQ, CHAIN_LINK.CHAIN_HASH).from(CHAIN_LINK).orderBy(CHAIN_LINK.SEQ.desc()).limit(1)
                .fetchOptional(r -> new Link(r.value1(), r.value2())).orElse(new Link(0, GENESIS));
    }

    /** Recomputes the whole chain from the rows as they are now; the first link that differs is named. */
    public Verification verify() {
        catchUp();
        String previous = GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            var links = db.selectFrom(CHAIN_LINK).where(CHAIN_LINK.SEQ.gt(after)).orderBy(CHAIN_LINK.SEQ).limit(BATCH).fetch();
            if (links.isEmpty()) {
                break;
            }
            List<Long> ids = links.stream().map(l -> l.getEntryId()).filter(java.util.Objects::nonNull).toList();
            Map<Long, String> contents = entryContents(ids);
            for (var link : links) {
                String content = link.getKind().equals("ENTRY") ? contents.get(link.getEntryId()) : closeContent(link.getEventId());
                Broken broken = check(link, content, previous);
                if (broken != null) {
                    return new Verification("BROKEN", checked, unchained(), broken, null);
                }
                previous = link.getChainHash();
                checked++;
                after = link.getSeq();
            }
        }
        return new Verification("VERIFIED", checked, unchained(), null, checked == 0 ? null : previous);
    }

    private @Nullable Broken check(org.unaoc.trustfund.db.tables.records.ChainLinkRecord link, @Nullable String content,
                                   String previous) {
        String period = link.getEventId() == null ? null : String.valueOf(link.getEventId());
        if (content == null) {
            return new Broken(link.getSeq(), link.getKind(), link.getEntryId(), period, "the entry is missing from the journal");
        }
        if (!Sha256.of(content).equals(link.getContentHash())) {
            return new Broken(link.getSeq(), link.getKind(), link.getEntryId(), period,
                    "the entry's content differs from what was chained (changed or swapped)");
        }
        if (!Sha256.of(previous + link.getContentHash()).equals(link.getChainHash())) {
            return new Broken(link.getSeq(), link.getKind(), link.getEntryId(), period,
                    "the link does not follow from the one before (a link was removed or reordered)");
        }
        return null;
    }

    private long unchained() {
        return db.fetchCount(JOURNAL_ENTRY, org.jooq.impl.DSL.notExists(db.selectOne().from(CHAIN_LINK)
                .where(CHAIN_LINK.ENTRY_ID.eq(JOURNAL_ENTRY.ID))));
    }

    /** The canonical text of entries: every field a reader relies on, lines in order. Missing entries are absent. */
    private Map<Long, String> entryContents(List<Long> ids) {
        Map<Long, StringBuilder> texts = new HashMap<>();
        if (ids.isEmpty()) {
            return Map.of();
        }
        for (Record e : db.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.TYPE, JOURNAL_ENTRY.DESCRIPTION,
                JOURNAL_ENTRY.REVERSES_ID, JOURNAL_ENTRY.CREATED_BY, JOURNAL_ENTRY.APPROVED_BY, JOURNAL_ENTRY.POSTED_AT)
                .from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.ID.in(ids)).fetch()) {
            texts.put(e.get(JOURNAL_ENTRY.ID), new StringBuilder(String.join("|", String.valueOf(e.get(JOURNAL_ENTRY.ID)),
                    String.valueOf(e.get(JOURNAL_ENTRY.ENTRY_DATE)), e.get(JOURNAL_ENTRY.TYPE), e.get(JOURNAL_ENTRY.DESCRIPTION),
                    String.valueOf(e.get(JOURNAL_ENTRY.REVERSES_ID)), e.get(JOURNAL_ENTRY.CREATED_BY),
                    String.valueOf(e.get(JOURNAL_ENTRY.APPROVED_BY)),
                    String.valueOf(e.get(JOURNAL_ENTRY.POSTED_AT).toInstant())) + "\n"));
        }
        for (Record l : db.select(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO, ACCOUNT.CODE, JOURNAL_LINE.AMOUNT_USD,
                        JOURNAL_LINE.CURRENCY, JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.RATE, JOURNAL_LINE.RATE_DATE,
                        JOURNAL_LINE.CONTRIBUTOR, JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO, JOURNAL_LINE.COMPONENT,
                        JOURNAL_LINE.OBJECT_CLASS)
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.ENTRY_ID.in(ids)).orderBy(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO).fetch()) {
            StringBuilder text = texts.get(l.get(JOURNAL_LINE.ENTRY_ID));
            if (text == null) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (int i = 1; i < l.size(); i++) {
                Object value = l.get(i);
                fields.add(value instanceof java.math.BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                        : String.valueOf(value).trim());
            }
            text.append(String.join("|", fields)).append('\n');
        }
        Map<Long, String> contents = new HashMap<>();
        texts.forEach((id, text) -> contents.put(id, text.toString()));
        return contents;
    }

    private @Nullable String closeContent(long event) {
        return db.select(PERIOD_EVENT.PERIOD_ID, PERIOD_EVENT.DONE_BY, PERIOD_EVENT.DONE_AT, PERIOD_EVENT.TRIAL_BALANCE_HASH)
                .from(PERIOD_EVENT).where(PERIOD_EVENT.ID.eq(event))
                .fetchOptional(r -> "CLOSE|" + r.value1() + "|" + r.value2() + "|" + r.value3().toInstant() + "|" + r.value4())
                .orElse(null);
    }

}
