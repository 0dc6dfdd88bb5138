package org.unaoc.trustfund.ledger;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.CHAIN_LINK;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.db.tables.JournalEntry;
import org.unaoc.trustfund.system.Problem;

/** Posted entries with their lines, as the API and the auditors read them. */
@Service
public class JournalEntries {

    private static final int MAX_ENTRIES = 10_000;

    private final DSLContext db;

    JournalEntries(DSLContext db) {
        this.db = db;
    }

    public record Line(int line, String account, @Nullable BigDecimal debit, @Nullable BigDecimal credit,
                       @Nullable Money original, @Nullable BigDecimal rate, @Nullable LocalDate rateDate,
                       @Nullable String contributor, @Nullable Long agreement, @Nullable Integer tranche,
                       @Nullable String component, @Nullable String objectClass) {
    }

    public record Entry(long id, LocalDate date, String type, String description, @Nullable Long reverses,
                        @Nullable Long reversedBy, String createdBy, @Nullable String approvedBy,
                        @Nullable Long approval, OffsetDateTime postedAt, @Nullable String hash, List<Line> lines) {
    }

    public Entry get(long id) {
        return select(JOURNAL_ENTRY.ID.eq(id)).stream().findFirst()
                .orElseThrow(() -> Problem.notFound("Journal entry " + id));
    }

    public List<Entry> list(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String account,
                            @Nullable String type) {
        Condition condition = DSL.noCondition();
        if (from != null) {
            condition = condition.and(JOURNAL_ENTRY.ENTRY_DATE.ge(from));
        }
        if (to != null) {
            condition = condition.and(JOURNAL_ENTRY.ENTRY_DATE.le(to));
        }
        if (type != null) {
            condition = condition.and(JOURNAL_ENTRY.TYPE.eq(type));
        }
        if (account != null) {
            condition = condition.and(DSL.exists(DSL.selectOne().from(JOURNAL_LINE).join(ACCOUNT)
                    .on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                    .where(JOURNAL_LINE.ENTRY_ID.eq(JOURNAL_ENTRY.ID)).and(ACCOUNT.CODE.eq(account))));
        }
        return select(condition);
    }

    /** The last {@code count} entries posted (by number) dated on or before {@code asOf}, newest first. */
    public List<Entry> latest(LocalDate asOf, int count) {
        var last = DSL.select(JOURNAL_ENTRY.ID).from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.ENTRY_DATE.le(asOf))
                .orderBy(JOURNAL_ENTRY.ID.desc()).limit(count);
        return select(JOURNAL_ENTRY.ID.in(last)).reversed();
    }

    private List<Entry> select(Condition condition) {
        JournalEntry reversal = JOURNAL_ENTRY.as("reversal");
        return db.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.TYPE, JOURNAL_ENTRY.DESCRIPTION,
                        JOURNAL_ENTRY.REVERSES_ID, reversal.ID, JOURNAL_ENTRY.CREATED_BY, JOURNAL_ENTRY.APPROVED_BY,
                        JOURNAL_ENTRY.APPROVAL_ID, JOURNAL_ENTRY.POSTED_AT, CHAIN_LINK.CHAIN_HASH,
                        DSL.multiset(DSL.select(JOURNAL_LINE.LINE_NO, ACCOUNT.CODE, JOURNAL_LINE.AMOUNT_USD,
                                                JOURNAL_LINE.CURRENCY, JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.RATE,
                                                JOURNAL_LINE.RATE_DATE, JOURNAL_LINE.CONTRIBUTOR, JOURNAL_LINE.AGREEMENT_ID,
                                                JOURNAL_LINE.TRANCHE_NO, JOURNAL_LINE.COMPONENT, JOURNAL_LINE.OBJECT_CLASS)
                                        .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                                        .where(JOURNAL_LINE.ENTRY_ID.eq(JOURNAL_ENTRY.ID))
                                        .orderBy(JOURNAL_LINE.LINE_NO))
                                .convertFrom(lines -> lines.map(mapping(JournalEntries::line))))
                .from(JOURNAL_ENTRY)
                .leftJoin(reversal).on(reversal.REVERSES_ID.eq(JOURNAL_ENTRY.ID))
                .leftJoin(CHAIN_LINK).on(CHAIN_LINK.ENTRY_ID.eq(JOURNAL_ENTRY.ID))
                .where(condition)
                .orderBy(JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.ID)
                .limit(MAX_ENTRIES)
                .fetch(mapping(Entry::new));
    }

    private static Line line(Short number, String account, BigDecimal usd, @Nullable String currency,
                             @Nullable BigDecimal original, @Nullable BigDecimal rate, @Nullable LocalDate rateDate,
                             @Nullable String contributor, @Nullable Long agreement, @Nullable Integer tranche,
                             @Nullable String component, @Nullable String objectClass) {
        Money originalMoney = currency == null ? null
                : new Money(original.setScale(Money.decimals(currency), java.math.RoundingMode.UNNECESSARY), currency);
        return new Line(number, account, usd.signum() > 0 ? usd : null, usd.signum() < 0 ? usd.negate() : null,
                originalMoney == null ? null : new Money(originalMoney.amount().abs(), currency),
                rate, rateDate, contributor, agreement, tranche, component, objectClass);
    }
}
