package org.unaoc.trustfund.projections;

import static org.unaoc.trustfund.db.Tables.COST_PLAN;
import static org.unaoc.trustfund.db.Tables.EXPENDITURE;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.contributions.ContributionStatus;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.security.Role;
import org.unaoc.trustfund.security.Viewer;

/**
 * The financing section of the Group's report, written from the books: the wording and layout are
 * in reports/financing-section (template.md and texts.properties), the figures from the status of
 * contributions, the spending against cost plans and the projection under each scenario. One
 * {@link Document} is rendered as Markdown, HTML and PDF, so the three carry the same figures.
 */
@Service
public class FinancingSection {

    private static final Viewer BOOKS = new Viewer("financing-section", Set.of(Role.AUDITOR), null);

    private final ContributionStatus contributions;
    private final Projections projections;
    private final FundParameters fund;
    private final ExchangeRates rates;
    private final DSLContext db;

    FinancingSection(ContributionStatus contributions, Projections projections, FundParameters fund, ExchangeRates rates,
                     DSLContext db) {
        this.contributions = contributions;
        this.projections = projections;
        this.fund = fund;
        this.rates = rates;
        this.db = db;
    }

    /** A block of the section. */
    public sealed interface Block permits Heading, Paragraph, Table, Chart {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /** A table and the note under it that says on what basis and as of when its figures are. */
    public record Table(List<String> columns, List<List<String>> rows, String note) implements Block {
    }

    /** A chart: its title and series of (label, value) points. */
    public record Chart(String kind, String title, Map<String, Map<String, BigDecimal>> series) implements Block {
    }

    public record Document(String fund, LocalDate asOf, List<Block> blocks) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Document write(LocalDate asOf) {
        Properties texts = texts();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Block> parts = new LinkedHashMap<>();
        contributionFigures(asOf, texts, values, parts);
        spendingFigures(asOf, texts, values, parts);
        projectionFigures(asOf, texts, values, parts);
        List<Block> blocks = new ArrayList<>();
        for (String chunk : template().split("\\n\\s*\\n")) {
            String text = chunk.strip();
            if (text.startsWith("{{table:") || text.startsWith("{{chart:")) {
                blocks.add(parts.get(text.substring(2, text.length() - 2)));
            } else if (text.startsWith("#")) {
                int level = (int) text.chars().takeWhile(c -> c == '#').count();
                blocks.add(new Heading(level, fill(text.substring(level).strip(), values)));
            } else if (!text.isEmpty()) {
                blocks.add(new Paragraph(fill(text.replace('\n', ' '), values)));
            }
        }
        return new Document(fund.current().name(), asOf, blocks);
    }

    private void contributionFigures(LocalDate asOf, Properties texts, Map<String, String> values, Map<String, Block> parts) {
        ContributionStatus.Status status = contributions.asOf(asOf, BOOKS);
        // agreed, received and outstanding on one basis: each agreement's currency amounts at the USD rate it was
        // agreed at, so that the share received is not moved by exchange differences (cash without agreement apart)
        Map<String, BigDecimal[]> byContributor = new TreeMap<>();
        BigDecimal agreed = new BigDecimal("0.00");
        BigDecimal received = new BigDecimal("0.00");
        BigDecimal outstanding = new BigDecimal("0.00");
        for (var row : status.agreements()) {
            BigDecimal[] figures = byContributor.computeIfAbsent(row.contributorName(), k -> zeros(4));
            BigDecimal receivedAtAgreedRate = atAgreedRate(row, row.received().amount());
            BigDecimal outstandingAtAgreedRate = atAgreedRate(row, row.outstanding().amount());
            figures[0] = figures[0].add(row.agreedUsd());
            figures[1] = figures[1].add(receivedAtAgreedRate);
            figures[2] = figures[2].add(outstandingAtAgreedRate);
            agreed = agreed.add(row.agreedUsd());
            received = received.add(receivedAtAgreedRate);
            outstanding = outstanding.add(outstandingAtAgreedRate);
        }
        for (var row : status.withoutAgreement()) {
            BigDecimal[] figures = byContributor.computeIfAbsent(row.contributorName(), k -> zeros(4));
            figures[3] = figures[3].add(row.receivedUsd());
        }
        BigDecimal announced = BigDecimal.ZERO;
        for (var pledge : status.announcedPledges()) {
            announced = announced.add(pledge.amount().amount().divide(
                    rates.on(pledge.amount().currency(), asOf).unitsPerUsd(), 2, RoundingMode.HALF_UP));
        }
        values.put("asOf", asOf.toString());
        values.put("contributorCount", String.valueOf(byContributor.size()));
        values.put("agreedUsd", money(agreed));
        values.put("receivedUsd", money(received));
        values.put("receivedShare", agreed.signum() == 0 ? "0.0"
                : received.multiply(BigDecimal.valueOf(100)).divide(agreed, 1, RoundingMode.HALF_UP).toPlainString());
        values.put("outstandingUsd", money(outstanding));
        values.put("withoutAgreementUsd", money(status.totals().receivedWithoutAgreementUsd()));
        values.put("announcedUsd", money(announced));
        values.put("announcedCount", String.valueOf(status.announcedPledges().size()));
        List<List<String>> rows = new ArrayList<>();
        Map<String, BigDecimal> receivedSeries = new LinkedHashMap<>();
        Map<String, BigDecimal> outstandingSeries = new LinkedHashMap<>();
        byContributor.forEach((name, figures) -> {
            rows.add(List.of(name, money(figures[0]), money(figures[1]), money(figures[2]), money(figures[3])));
            receivedSeries.put(name, figures[1]);
            outstandingSeries.put(name, figures[2]);
        });
        parts.put("table:contributions", new Table(columns(texts, "table.contributions"), rows,
                MessageFormat.format(texts.getProperty("note.contributions"), asOf.toString())));
        Map<String, Map<String, BigDecimal>> series = new LinkedHashMap<>();
        series.put("Received", receivedSeries);
        series.put("Outstanding", outstandingSeries);
        parts.put("chart:contributions", new Chart("bars", texts.getProperty("chart.contributions"), series));
    }

    private void spendingFigures(LocalDate asOf, Properties texts, Map<String, String> values, Map<String, Block> parts) {
        Map<String, BigDecimal[]> byComponent = new TreeMap<>();
        // the plans with PSC at the rate of their year, as the expenditure carries its PSC: like with like
        db.select(COST_PLAN.YEAR, COST_PLAN.COMPONENT, DSL.sum(COST_PLAN.AMOUNT)).from(COST_PLAN)
                .where(COST_PLAN.YEAR.le(asOf.getYear())).groupBy(COST_PLAN.YEAR, COST_PLAN.COMPONENT)
                .forEach(r -> {
                    LocalDate yearEnd = LocalDate.of(r.value1(), 12, 31);
                    BigDecimal rate = fund.on(yearEnd.isAfter(asOf) ? asOf : yearEnd).pscRate();
                    BigDecimal[] figures = byComponent.computeIfAbsent(r.value2(), k -> zeros(2));
                    figures[0] = figures[0].add(r.value3()).add(r.value3().multiply(rate).setScale(2, RoundingMode.HALF_UP));
                });
        db.select(EXPENDITURE.COMPONENT, DSL.sum(EXPENDITURE.AMOUNT.plus(EXPENDITURE.PSC))).from(EXPENDITURE)
                .where(EXPENDITURE.SPENT_ON.le(asOf)).and(org.unaoc.trustfund.spending.Spent.standingBy(asOf))
                .groupBy(EXPENDITURE.COMPONENT)
                .forEach(r -> byComponent.computeIfAbsent(r.value1(), k -> zeros(2))[1] = r.value2().setScale(2));
        List<List<String>> rows = new ArrayList<>();
        BigDecimal[] totals = zeros(2);
        byComponent.forEach((component, figures) -> {
            rows.add(List.of(component, money(figures[0]), money(figures[1]), share(figures[1], figures[0])));
            totals[0] = totals[0].add(figures[0]);
            totals[1] = totals[1].add(figures[1]);
        });
        rows.add(List.of("Total", money(totals[0]), money(totals[1]), share(totals[1], totals[0])));
        values.put("plannedUsd", money(totals[0]));
        values.put("spentUsd", money(totals[1]));
        Integer first = db.select(DSL.min(COST_PLAN.YEAR)).from(COST_PLAN).fetchSingle().value1();
        parts.put("table:spending", new Table(columns(texts, "table.spending"), rows, MessageFormat.format(
                texts.getProperty("note.spending"), first == null ? String.valueOf(asOf.getYear()) : String.valueOf(first),
                String.valueOf(asOf.getYear()), asOf.toString())));
    }

    private void projectionFigures(LocalDate asOf, Properties texts, Map<String, String> values, Map<String, Block> parts) {
        YearMonth horizon = projections.horizon(asOf);
        List<List<String>> rows = new ArrayList<>();
        Projections.Result base = null;
        for (Scenario scenario : List.of(Scenario.base(), Scenario.conservative(), Scenario.optimistic())) {
            Projections.Result result = projections.project(asOf, horizon, scenario);
            base = base == null ? result : base;
            rows.add(List.of(texts.getProperty("scenario." + scenario.name()), money(result.fundingGap()),
                    money(result.fundingGapWithPledges()), result.monthsOfCoverage() == null ? "—" : result.monthsOfCoverage().toPlainString(),
                    result.firstMonthBelowReserve() == null ? texts.getProperty("never") : result.firstMonthBelowReserve().toString()));
        }
        values.put("horizon", horizon.toString());
        values.put("coverage", base.firstMonthBelowReserve() == null
                ? MessageFormat.format(texts.getProperty("coverage.enough"), horizon.toString())
                : MessageFormat.format(texts.getProperty("coverage.short"), base.firstMonthBelowReserve().toString(),
                        String.valueOf(base.monthsUntilBelowReserve())));
        values.put("gap", money(base.fundingGap()));
        values.put("gapBy", base.firstMonthBelowReserve() == null ? texts.getProperty("gap.none")
                : MessageFormat.format(texts.getProperty("gap.by"), base.firstMonthBelowReserve().toString()));
        values.put("gapWithPledges", money(base.fundingGapWithPledges()));
        BigDecimal low = base.exchangeRateSensitivity().get("fundingGapAtPlus10Percent");
        BigDecimal high = base.exchangeRateSensitivity().get("fundingGapAtMinus10Percent");
        values.put("sensitivityLow", money(low.min(high)));
        values.put("sensitivityHigh", money(low.max(high)));
        parts.put("table:scenarios", new Table(columns(texts, "table.scenarios"), rows, MessageFormat.format(
                texts.getProperty("note.scenarios"), asOf.toString(), horizon.toString(), money(base.cash()),
                money(base.cashLiabilities()), money(base.openingCash()))));
        Map<String, BigDecimal> cash = new LinkedHashMap<>();
        Map<String, BigDecimal> reserve = new LinkedHashMap<>();
        for (Projection.Month month : base.months()) {
            cash.put(month.month().toString(), month.closing());
            reserve.put(month.month().toString(), month.reserve());
        }
        Map<String, Map<String, BigDecimal>> series = new LinkedHashMap<>();
        series.put("Projected cash", cash);
        series.put("Operating cash reserve", reserve);
        parts.put("chart:projection", new Chart("lines", texts.getProperty("chart.projection"), series));
    }

    /** A currency amount of an agreement in USD at the rate the agreement was recognised at (its agreed USD ÷ its amount). */
    private static BigDecimal atAgreedRate(ContributionStatus.AgreementRow row, BigDecimal amount) {
        return row.agreed().amount().signum() == 0 ? new BigDecimal("0.00")
                : row.agreedUsd().multiply(amount).divide(row.agreed().amount(), 2, RoundingMode.HALF_UP);
    }

    /** Figures as printed everywhere: thousands separated by commas, two decimals. */
    static String money(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", amount);
    }

    private static String share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? "-" : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] zeros = new BigDecimal[size];
        java.util.Arrays.fill(zeros, new BigDecimal("0.00"));
        return zeros;
    }

    private static List<String> columns(Properties texts, String key) {
        return List.of(texts.getProperty(key).split("\\|"));
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (var value : values.entrySet()) {
            filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return filled;
    }

    private static String template() {
        try (InputStream in = resource("reports/financing-section/template.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties texts() {
        Properties texts = new Properties();
        try (InputStream in = resource("reports/financing-section/texts.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static InputStream resource(String name) {
        InputStream in = FinancingSection.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the build");
        }
        return in;
    }
}
