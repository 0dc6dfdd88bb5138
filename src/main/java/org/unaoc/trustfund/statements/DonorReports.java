package org.unaoc.trustfund.statements;

import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.CONTRIBUTOR;
import static org.unaoc.trustfund.db.Tables.DONOR_REPORT_CERTIFICATION;
import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.REFUND;
import static org.unaoc.trustfund.statements.StatementFacts.ZERO;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.contributions.ContributionStatus;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Standing;
import org.unaoc.trustfund.security.Role;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.spending.Spent;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.system.Sha256;

/**
 * The financial report to a contributor (#17 item 5): for each of its agreements, over a period and
 * to its end, the income received (in the agreement's currency and in USD), the refunds, the exchange
 * differences, the spending charged against its earmark and the balance. Spending on an earmarked
 * component is charged to the agreements earmarked for it in proportion to what each has given net
 * of refunds, never beyond what they gave (the rest of the component's spending is the general pool's);
 * an agreement without an earmark is pooled and has no spending of its own. A finance officer
 * certifies a report: the certification keeps the hash of the figures, so a report whose figures a
 * later (back-dated) entry has changed says so.
 */
@Service
public class DonorReports {

    private static final Viewer BOOKS = new Viewer("donor-report", Set.of(Role.AUDITOR), null);

    public record AgreementReport(long agreement, String reference, LocalDate signedOn, @Nullable String earmark,
                                  Money agreed, BigDecimal agreedUsd, Money receivedInPeriod, BigDecimal receivedInPeriodUsd,
                                  Money receivedToDate, BigDecimal receivedToDateUsd, BigDecimal refundedInPeriodUsd,
                                  BigDecimal refundedToDateUsd, BigDecimal exchangeDifferencesInPeriodUsd,
                                  BigDecimal exchangeDifferencesToDateUsd, @Nullable BigDecimal spentOnEarmarkInPeriodUsd,
                                  @Nullable BigDecimal spentOnEarmarkToDateUsd, BigDecimal balanceUsd) {
    }

    public record Certification(String certifiedBy, OffsetDateTime certifiedAt, boolean figuresUnchanged) {
    }

    /** {@code status}: CERTIFIED, CHANGED_SINCE_CERTIFIED (a later entry moved a figure) or DRAFT. */
    public record DonorReport(String contributor, String contributorName, LocalDate from, LocalDate to,
                              List<AgreementReport> agreements, BigDecimal receivedInPeriodUsd, BigDecimal balanceUsd,
                              String figuresHash, String status, @Nullable Certification certification) {
    }

    private final ContributionStatus contributions;
    private final DSLContext db;

    DonorReports(ContributionStatus contributions, DSLContext db) {
        this.contributions = contributions;
        this.db = db;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public DonorReport report(@Nullable String contributor, @Nullable Long agreement, LocalDate from, LocalDate to, Viewer viewer) {
        String whose = whose(contributor, viewer);
        if (to.isBefore(from)) {
            throw Problem.invalidField("to", to + " is before from " + from);
        }
        if (from.isBefore(StatementRequest.BOOKS_BEGIN)) {
            throw Problem.invalidField("from", "the books begin on " + StatementRequest.BOOKS_BEGIN);
        }
        String name = db.select(CONTRIBUTOR.NAME).from(CONTRIBUTOR).where(CONTRIBUTOR.CODE.eq(whose)).fetchOne(CONTRIBUTOR.NAME);
        if (name == null) {
            throw Problem.notFound("The contributor " + whose);
        }
        Figures end = figures(to);
        Figures before = figures(from.minusDays(1));
        List<AgreementReport> rows = new ArrayList<>();
        for (ContributionStatus.AgreementRow row : end.status().agreements()) {
            if (!row.contributor().equals(whose) || agreement != null && row.agreement() != agreement) {
                continue;
            }
            ContributionStatus.AgreementRow earlier = before.row(row.agreement());
            Money receivedBefore = earlier == null ? new Money(BigDecimal.ZERO, row.received().currency()) : earlier.received();
            BigDecimal receivedUsdBefore = earlier == null ? ZERO : earlier.receivedUsd();
            BigDecimal exchangeBefore = earlier == null ? ZERO : earlier.exchangeDifferencesUsd();
            String earmark = end.earmarks().get(row.agreement());
            BigDecimal spent = earmark == null ? null : end.spentOnEarmark(row.agreement(), earmark);
            BigDecimal spentBefore = earmark == null ? null : before.spentOnEarmark(row.agreement(), earmark);
            BigDecimal refunded = end.refunds().getOrDefault(row.agreement(), ZERO);
            BigDecimal refundedBefore = before.refunds().getOrDefault(row.agreement(), ZERO);
            rows.add(new AgreementReport(row.agreement(), row.reference(), row.signedOn(), earmark, row.agreed(), row.agreedUsd(),
                    new Money(row.received().amount().subtract(receivedBefore.amount()), row.received().currency()),
                    row.receivedUsd().subtract(receivedUsdBefore), row.received(), row.receivedUsd(),
                    refunded.subtract(refundedBefore), refunded, row.exchangeDifferencesUsd().subtract(exchangeBefore),
                    row.exchangeDifferencesUsd(), spent == null ? null : spent.subtract(spentBefore), spent,
                    row.receivedUsd().subtract(refunded).subtract(spent == null ? ZERO : spent)));
        }
        if (agreement != null && rows.isEmpty()) {
            throw Problem.notFound("The agreement " + agreement + " of " + whose);
        }
        String hash = Sha256.of(whose + "|" + from + "|" + to + "|" + rows);
        var certified = db.selectFrom(DONOR_REPORT_CERTIFICATION).where(DONOR_REPORT_CERTIFICATION.CONTRIBUTOR.eq(whose))
                .and(DONOR_REPORT_CERTIFICATION.FROM_DATE.eq(from)).and(DONOR_REPORT_CERTIFICATION.TO_DATE.eq(to))
                .orderBy(DONOR_REPORT_CERTIFICATION.ID.desc()).limit(1).fetchOne();
        Certification certification = certified == null || agreement != null ? null : new Certification(
                certified.getCertifiedBy(), certified.getCertifiedAt(), certified.getFiguresHash().equals(hash));
        String status = certification == null ? "DRAFT" : certification.figuresUnchanged() ? "CERTIFIED" : "CHANGED_SINCE_CERTIFIED";
        return new DonorReport(whose, name, from, to, rows,
                rows.stream().map(AgreementReport::receivedInPeriodUsd).reduce(ZERO, BigDecimal::add),
                rows.stream().map(AgreementReport::balanceUsd).reduce(ZERO, BigDecimal::add), hash, status, certification);
    }

    /** A finance officer certifies the report as it stands: who and when, and the hash of the figures certified. */
    @Transactional
    public DonorReport certify(@Nullable String contributor, @Nullable LocalDate from, @Nullable LocalDate to, Viewer officer) {
        if (contributor == null || contributor.isBlank()) {
            throw Problem.invalidField("contributor", "name the contributor whose report is certified");
        }
        if (from == null || to == null) {
            throw Problem.invalidField(from == null ? "from" : "to", "a certification is of a period: give from and to");
        }
        DonorReport report = report(contributor, null, from, to, officer);
        if (report.agreements().isEmpty()) {
            throw Problem.invalidField("contributor", contributor + " has no agreement to report on; nothing was certified");
        }
        db.insertInto(DONOR_REPORT_CERTIFICATION).set(DONOR_REPORT_CERTIFICATION.CONTRIBUTOR, report.contributor())
                .set(DONOR_REPORT_CERTIFICATION.FROM_DATE, from).set(DONOR_REPORT_CERTIFICATION.TO_DATE, to)
                .set(DONOR_REPORT_CERTIFICATION.FIGURES_HASH, report.figuresHash())
                .set(DONOR_REPORT_CERTIFICATION.CERTIFIED_BY, officer.username()).execute();
        return report(contributor, null, from, to, officer);
    }

    /** The contributor the report is of: the one asked for, a donor's or co-sponsor's own by default, never another's. */
    private static String whose(@Nullable String contributor, Viewer viewer) {
        String asked = contributor == null || contributor.isBlank() ? viewer.contributor() : contributor.strip();
        if (asked == null) {
            throw Problem.invalidField("contributor", "name the contributor the report is for (its code)");
        }
        viewer.requireDetailsOf(asked, "The contributor " + asked);
        return asked;
    }

    /** What the books hold at the end of a date, for every agreement: status, earmarks, refunds, earmarked spending. */
    private record Figures(ContributionStatus.Status status, Map<Long, String> earmarks, Map<Long, BigDecimal> refunds,
                           Map<String, BigDecimal> spentByComponent) {

        ContributionStatus.@Nullable AgreementRow row(long agreement) {
            return status.agreements().stream().filter(r -> r.agreement() == agreement).findFirst().orElse(null);
        }

        BigDecimal net(long agreement) {
            ContributionStatus.AgreementRow row = row(agreement);
            return row == null ? ZERO : row.receivedUsd().subtract(refunds.getOrDefault(agreement, ZERO)).max(ZERO);
        }

        /** The agreement's share of the component's spending: pro rata to what each earmarked agreement gave, at most all they gave. */
        BigDecimal spentOnEarmark(long agreement, String component) {
            BigDecimal given = ZERO;
            for (var earmarked : earmarks.entrySet()) {
                if (earmarked.getValue().equals(component)) {
                    given = given.add(net(earmarked.getKey()));
                }
            }
            if (given.signum() == 0) {
                return ZERO;
            }
            BigDecimal charged = spentByComponent.getOrDefault(component, ZERO).min(given);
            return charged.multiply(net(agreement)).divide(given, 2, RoundingMode.HALF_UP);
        }
    }

    private Figures figures(LocalDate asOf) {
        ContributionStatus.Status status = contributions.asOf(asOf, BOOKS);
        Map<Long, String> earmarks = new HashMap<>();
        db.select(AGREEMENT.ID, AGREEMENT.EARMARK).from(AGREEMENT).where(AGREEMENT.EARMARK.isNotNull())
                .forEach(r -> earmarks.put(r.value1(), r.value2()));
        Map<Long, BigDecimal> refunds = new HashMap<>();
        db.select(REFUND.AGREEMENT_ID, DSL.sum(REFUND.AMOUNT)).from(REFUND).where(REFUND.AGREEMENT_ID.isNotNull())
                .and(REFUND.DECIDED_ON.le(asOf)).and(Standing.entryBy(REFUND.ENTRY_ID, DSL.val(asOf)))
                .groupBy(REFUND.AGREEMENT_ID).forEach(r -> refunds.put(r.value1(), r.value2().setScale(2)));
        Map<String, BigDecimal> spent = new HashMap<>();
        db.select(EXPENDITURE.COMPONENT, DSL.sum(EXPENDITURE.AMOUNT.plus(EXPENDITURE.PSC))).from(EXPENDITURE)
                .where(Spent.by(DSL.val(asOf))).groupBy(EXPENDITURE.COMPONENT)
                .forEach(r -> spent.put(r.value1(), r.value2().setScale(2)));
        return new Figures(status, earmarks, refunds, spent);
    }

    /** The report as a table, for the PDF: one line an agreement, the total, and who certified it. */
    StatementTable table(DonorReport report, StatementFacts facts, Viewer viewer) {
        var rows = new StatementTable.Rows();
        for (AgreementReport a : report.agreements()) {
            rows.line(a.reference(), a.earmark() == null ? "pooled" : a.earmark(), a.agreed().currency(), a.agreed().amount(),
                    a.receivedInPeriod().amount(), a.receivedInPeriodUsd(), a.receivedToDateUsd(), a.refundedToDateUsd(),
                    a.exchangeDifferencesToDateUsd(), a.spentOnEarmarkToDateUsd(), a.balanceUsd());
        }
        rows.total("Total", null, null, null, null, report.receivedInPeriodUsd(), null, null, null, null, report.balanceUsd());
        rows.heading(switch (report.status()) {
            case "CERTIFIED" -> "Certified by " + report.certification().certifiedBy() + ", finance officer, on "
                    + report.certification().certifiedAt().toLocalDate() + ". Figures " + report.figuresHash().substring(0, 16) + ".";
            case "CHANGED_SINCE_CERTIFIED" -> "Certified by " + report.certification().certifiedBy() + " on "
                    + report.certification().certifiedAt().toLocalDate() + ", but entries posted since have changed the figures:"
                    + " not certified as they stand.";
            default -> "DRAFT: not yet certified by a finance officer.";
        });
        return facts.table("donor-report", "Financial report to " + report.contributorName(),
                new StatementRequest(report.from(), report.to(), viewer), List.of("Agreement", "Earmark", "Currency",
                        "Agreed", "Received in the period", "Received in the period (USD)", "Received to date (USD)",
                        "Refunded to date (USD)", "Exchange differences to date (USD)", "Spent on the earmark to date (USD)",
                        "Balance (USD)"), rows.list());
    }
}
