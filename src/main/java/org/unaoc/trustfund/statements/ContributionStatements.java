package org.unaoc.trustfund.statements;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.TRANCHE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.contributions.AgreementViews;
import org.unaoc.trustfund.contributions.ContributionStatus;
import org.unaoc.trustfund.contributions.WriteOffs;

/** Statements of the income side: contributions, receivables ageing, write-offs. */
@Component
class ContributionStatements {

    private final StatementFacts facts;
    private final WriteOffs writeOffs;
    private final AgreementViews agreements;
    private final ContributionStatus contributions;
    private final DSLContext db;

    ContributionStatements(StatementFacts facts, WriteOffs writeOffs, AgreementViews agreements,
                           ContributionStatus contributions, DSLContext db) {
        this.db = db;
        this.facts = facts;
        this.writeOffs = writeOffs;
        this.agreements = agreements;
        this.contributions = contributions;
    }

    StatementTable contributions(ContributionStatus.Status status, StatementRequest request) {
        var rows = new StatementTable.Rows().heading("Agreements");
        for (var a : status.agreements()) {
            rows.line(a.contributorName(), a.reference(), a.signedOn().getYear(), a.agreed().currency(), a.agreed().amount(),
                    a.received().amount(), a.writtenOff().amount(), a.outstanding().amount(), a.agreedUsd(), a.receivedUsd(),
                    a.outstandingUsd());
        }
        rows.heading("Received without an agreement");
        for (var w : status.withoutAgreement()) {
            rows.line(w.contributorName(), "", null, w.received().currency(), null, w.received().amount(), null, null, null,
                    w.receivedUsd(), null);
        }
        rows.total("Total", "", null, "USD", null, null, null, null, status.totals().agreedUsd(),
                status.totals().receivedUsd().add(status.totals().receivedWithoutAgreementUsd()), status.totals().outstandingUsd());
        rows.heading("Announced pledges (not secured)");
        for (var p : status.announcedPledges()) {
            rows.line(p.contributorName(), "pledge " + p.pledge(), p.announcedOn().getYear(), p.amount().currency(),
                    p.amount().amount(), null, null, null, null, null, null);
        }
        return facts.table("contributions", "Status of contributions", request, List.of("Contributor", "Agreement", "Year",
                "Currency", "Agreed", "Received", "Written off", "Outstanding", "Agreed USD", "Received USD",
                "Outstanding USD"), rows.list());
    }

    ContributionStatus.Status status(StatementRequest request) {
        return contributions.asOf(request.to(), request.viewer());
    }

    /** Outstanding receivables as of the date by how long past due, at the USD the books carried then. */
    StatementTable receivablesAgeing(StatementRequest request) {
        LocalDate asOf = request.to();
        var rows = new StatementTable.Rows();
        BigDecimal[] totals = new BigDecimal[5];
        java.util.Arrays.fill(totals, StatementFacts.ZERO);
        String only = request.viewer().listLimitedTo();
        for (var row : db.select(AGREEMENT.CONTRIBUTOR, AGREEMENT.REFERENCE, TRANCHE.TRANCHE_NO, TRANCHE.DUE_ON,
                        DSL.sum(JOURNAL_LINE.AMOUNT_USD))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(TRANCHE).on(TRANCHE.AGREEMENT_ID.eq(JOURNAL_LINE.AGREEMENT_ID)).and(TRANCHE.TRANCHE_NO.eq(JOURNAL_LINE.TRANCHE_NO))
                .join(AGREEMENT).on(AGREEMENT.ID.eq(JOURNAL_LINE.AGREEMENT_ID))
                .where(ACCOUNT.CODE.in("1210", "1220")).and(JOURNAL_LINE.ENTRY_DATE.le(asOf))
                .and(only == null ? DSL.noCondition() : AGREEMENT.CONTRIBUTOR.eq(only))
                .groupBy(AGREEMENT.CONTRIBUTOR, AGREEMENT.REFERENCE, TRANCHE.TRANCHE_NO, TRANCHE.DUE_ON)
                .having(DSL.sum(JOURNAL_LINE.AMOUNT_USD).ne(BigDecimal.ZERO))
                .orderBy(AGREEMENT.CONTRIBUTOR, AGREEMENT.REFERENCE, TRANCHE.TRANCHE_NO)
                .fetch()) {
            long days = ChronoUnit.DAYS.between(row.value4(), asOf);
            int bucket = days <= 0 ? 0 : days <= 90 ? 1 : days <= 180 ? 2 : days <= 365 ? 3 : 4;
            BigDecimal[] cells = new BigDecimal[5];
            java.util.Arrays.fill(cells, StatementFacts.ZERO);
            cells[bucket] = row.value5();
            totals[bucket] = totals[bucket].add(row.value5());
            rows.line(row.value1(), row.value2(), row.value3(), row.value4(), cells[0], cells[1], cells[2], cells[3], cells[4]);
        }
        rows.total("Total", null, null, null, totals[0], totals[1], totals[2], totals[3], totals[4]);
        return facts.table("receivables-ageing", "Contributions receivable by age", request, List.of("Contributor",
                "Agreement", "Tranche", "Due on", "Not yet due", "1-90 days", "91-180 days", "181-365 days",
                "Over 365 days"), rows.list());
    }

    StatementTable writeOffs(StatementRequest request) {
        var rows = new StatementTable.Rows();
        BigDecimal total = StatementFacts.ZERO;
        for (var w : writeOffs.schedule(null)) {
            if (w.on().isBefore(request.from()) || w.on().isAfter(request.to())) {
                continue;
            }
            rows.line(w.on(), w.kind(), w.contributorName(), w.reference(), w.tranche(), w.amount().currency(),
                    w.amount().amount(), w.usd(), w.reason(), w.maker(), w.approver());
            if (w.kind().equals("WRITE_OFF")) {
                total = total.add(w.usd());
            }
        }
        rows.total("Total written off", null, null, null, null, null, null, total, null, null, null);
        return facts.table("write-offs", "Write-offs of contributions receivable", request, List.of("Date", "Kind",
                "Contributor", "Agreement", "Tranche", "Currency", "Amount", "USD", "Reason", "Maker", "Approver"), rows.list());
    }
}
