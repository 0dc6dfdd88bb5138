package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.COST_PLAN;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Periods;

/**
 * Budget execution on the budget basis (ACCOUNTING.md R23), for whole budget years: the original and
 * the final budget of each component and object class beside its actual, which is the expenditure the
 * journal holds for the years (manual entries and reversals included, the year-end closes left out by
 * their type and their closing period)
 * plus the obligations open at the last year's end, less those open at the end of the year before
 * (charged to that year already). So a range of years is the sum of its years.
 */
@Service
public class BudgetBasis {

    /** The component of an expense line posted without one (a manual journal entry, say). */
    public static final String UNASSIGNED = "(unassigned)";

    public record Line(String component, String objectClass, BigDecimal originalBudget, BigDecimal finalBudget,
                       BigDecimal expenditure, BigDecimal obligationsOpenAtEnd, BigDecimal obligationsBroughtForward,
                       BigDecimal psc) {

        /** Expenditure plus the change in open obligations over the years. */
        public BigDecimal actual() {
            return expenditure.add(obligationsOpenAtEnd).subtract(obligationsBroughtForward);
        }
    }

    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final Map<String, String> OBJECT_CLASS_OF_ACCOUNT = new TreeMap<>();

    static {
        for (ObjectClass objectClass : ObjectClass.values()) {
            OBJECT_CLASS_OF_ACCOUNT.put(objectClass.account(), objectClass.name());
        }
    }

    private final DSLContext db;
    private final Schedules schedules;

    BudgetBasis(DSLContext db, Schedules schedules) {
        this.db = db;
        this.schedules = schedules;
    }

    /** The lines of the budget years first to last, by component and object class. */
    public List<Line> of(int firstYear, int lastYear) {
        Map<String, BigDecimal[]> cells = new TreeMap<>();
        db.select(COST_PLAN.COMPONENT, COST_PLAN.OBJECT_CLASS, DSL.sum(COST_PLAN.ORIGINAL_AMOUNT), DSL.sum(COST_PLAN.AMOUNT))
                .from(COST_PLAN).where(COST_PLAN.YEAR.between(firstYear, lastYear))
                .groupBy(COST_PLAN.COMPONENT, COST_PLAN.OBJECT_CLASS)
                .forEach(r -> {
                    BigDecimal[] cell = cell(cells, r.value1(), r.value2());
                    cell[0] = r.value3();
                    cell[1] = r.value4();
                });
        List<String> accounts = new java.util.ArrayList<>(OBJECT_CLASS_OF_ACCOUNT.keySet());
        accounts.add(Spending.PSC_EXPENSE);
        var component = DSL.coalesce(JOURNAL_LINE.COMPONENT, DSL.inline(UNASSIGNED));
        db.select(component, JOURNAL_LINE.OBJECT_CLASS, ACCOUNT.CODE, DSL.sum(JOURNAL_LINE.AMOUNT_USD))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(ACCOUNT.CODE.in(accounts)).and(JOURNAL_ENTRY.TYPE.ne(EntryType.YEAR_END_CLOSE.name()))
                .and(JOURNAL_LINE.ENTRY_DATE.between(LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31)))
                .and(JOURNAL_LINE.PERIOD_ID.notIn(IntStream.rangeClosed(firstYear, lastYear)
                        .mapToObj(Periods::closingPeriodOf).toList()))
                .groupBy(component, JOURNAL_LINE.OBJECT_CLASS, ACCOUNT.CODE)
                .forEach(r -> {
                    boolean psc = r.value3().equals(Spending.PSC_EXPENSE);
                    String objectClass = r.value2() != null ? r.value2()
                            : psc ? UNASSIGNED : OBJECT_CLASS_OF_ACCOUNT.get(r.value3());
                    BigDecimal[] cell = cell(cells, r.value1(), objectClass);
                    int at = psc ? 5 : 2;
                    cell[at] = cell[at].add(r.value4());
                });
        for (var open : schedules.obligations(LocalDate.of(lastYear, 12, 31)).obligations()) {
            BigDecimal[] cell = cell(cells, open.component(), open.objectClass());
            cell[3] = cell[3].add(open.unliquidated());
        }
        for (var open : schedules.obligations(LocalDate.of(firstYear - 1, 12, 31)).obligations()) {
            BigDecimal[] cell = cell(cells, open.component(), open.objectClass());
            cell[4] = cell[4].add(open.unliquidated());
        }
        return cells.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("/", 2);
            BigDecimal[] v = e.getValue();
            return new Line(key[0], key[1], v[0], v[1], v[2], v[3], v[4], v[5]);
        }).toList();
    }

    private static BigDecimal[] cell(Map<String, BigDecimal[]> cells, String component, String objectClass) {
        return cells.computeIfAbsent(component + "/" + objectClass, k -> {
            BigDecimal[] zeros = new BigDecimal[6];
            Arrays.fill(zeros, ZERO);
            return zeros;
        });
    }
}
