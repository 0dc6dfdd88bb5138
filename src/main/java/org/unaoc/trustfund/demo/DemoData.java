package org.unaoc.trustfund.demo;

import static org.unaoc.trustfund.db.Tables.AGREEMENT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.unaoc.trustfund.contributions.Agreements;
import org.unaoc.trustfund.contributions.AgreementViews;
import org.unaoc.trustfund.contributions.Contributors;
import org.unaoc.trustfund.contributions.Pledges;
import org.unaoc.trustfund.contributions.Receipts;
import org.unaoc.trustfund.contributions.Revaluations;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.DemoMode;

/**
 * On the first start in demo mode: a 2005–2007 history of the fund, posted through the same
 * services as real use. The co-sponsors Spain (in EUR) and Türkiye (multi-year, in USD), Qatar
 * and other members of the Group of Friends, a conditional grant for the research study, an
 * announced pledge, an unidentified receipt, bank charges, and the UN rates of those years.
 */
@Component
@Order(20)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String WHO = "finance";

    private final DemoMode demo;
    private final boolean enabled;
    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final Contributors contributors;
    private final ExchangeRates rates;
    private final Pledges pledges;
    private final Agreements agreements;
    private final Receipts receipts;
    private final Revaluations revaluations;
    private final DemoSpending spending;
    private final DemoBankStatements bankStatements;

    DemoData(DemoMode demo, @Value("${trustfund.demo-data:true}") boolean enabled, DSLContext db,
             TransactionTemplate transactions, Contributors contributors, ExchangeRates rates, Pledges pledges,
             Agreements agreements, Receipts receipts, Revaluations revaluations, DemoSpending spending,
             DemoBankStatements bankStatements) {
        this.spending = spending;
        this.bankStatements = bankStatements;
        this.demo = demo;
        this.enabled = enabled;
        this.db = db;
        this.transactions = transactions;
        this.contributors = contributors;
        this.rates = rates;
        this.pledges = pledges;
        this.agreements = agreements;
        this.receipts = receipts;
        this.revaluations = revaluations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || !enabled || db.fetchCount(AGREEMENT) > 0) {
            return;
        }
        transactions.executeWithoutResult(status -> load());
        log.info("Demo data loaded: the fund's contributions and spending 2005-2007");
    }

    private void load() {
        rates.importCsv(DemoRates.CSV, WHO);
        contributor("ES", "Spain", Contributors.Type.GOVERNMENT, true, false, "ES9121000418450200051332");
        contributor("TR", "Türkiye", Contributors.Type.GOVERNMENT, true, false, "TR330006100519786457841326");
        contributor("QA", "Qatar", Contributors.Type.GOVERNMENT, false, true, "QA58DOHB00001234567890ABCDEFG");
        contributor("NO", "Norway", Contributors.Type.GOVERNMENT, false, true, "NO9386011117947");
        contributor("FI", "Finland", Contributors.Type.GOVERNMENT, false, true, "FI2112345600000785");
        contributor("LU", "Luxembourg", Contributors.Type.GOVERNMENT, false, true, null);
        contributor("GB", "United Kingdom", Contributors.Type.GOVERNMENT, false, true, "GB29NWBK60161331926819");
        contributor("ISESCO", "Islamic Educational, Scientific and Cultural Organization", Contributors.Type.ORGANIZATION,
                false, true, null);
        contributor("FND-DIALOGUE", "Foundation for Intercultural Dialogue", Contributors.Type.FOUNDATION, false, false, null);

        long spain2005 = agreement("ES", "AOC/ES/2005-01", "2005-09-15", null, null,
                tranche("2005-10-31", "1000000.00", "EUR"));
        // the fund pays in dollars: the bank converts the first euros into the USD account, at its rate
        receipt(spain2005, null, "1000000.00", "EUR", "2005-11-08", "1010", "ES-TRF-20051108", new BigDecimal("1195400.00"));
        long qatar = agreement("QA", "AOC/QA/2006-01", "2006-02-01", null, null, tranche("2006-03-31", "500000.00", "USD"));
        receipt(qatar, null, "500000.00", "USD", "2006-03-10", "1010", "QA-TRF-20060310", null);
        long spain2006 = agreement("ES", "AOC/ES/2006-01", "2006-03-15", null, null,
                tranche("2006-06-30", "1500000.00", "EUR"), tranche("2007-06-30", "1000000.00", "EUR"));
        receipt(spain2006, 1, "1500000.00", "EUR", "2006-06-28", "1010", "ES-TRF-20060628", new BigDecimal("1919500.00"));
        long research = agreement("FND-DIALOGUE", "AOC/FND/2006-01", "2006-04-01", "RESEARCH",
                new Agreements.Condition("Research study on the roots of polarisation delivered to the Group", LocalDate.parse("2006-12-31")),
                tranche("2006-04-01", "200000.00", "USD"));
        receipt(research, null, "200000.00", "USD", "2006-04-03", "1010", "FND-TRF-20060403", null);
        long turkey = agreement("TR", "AOC/TR/2006-01", "2006-05-01", null, null, tranche("2006-06-30", "300000.00", "USD"),
                tranche("2007-06-30", "300000.00", "USD"), tranche("2008-06-30", "300000.00", "USD"));
        receipt(turkey, 1, "299965.00", "USD", "2006-07-03", "1010", "TR-TRF-20060703", null);
        revaluations.reclassify(LocalDate.parse("2006-06-30"), WHO);
        long finland = agreement("FI", "AOC/FI/2006-01", "2006-06-20", null, null, tranche("2006-09-30", "150000.00", "EUR"));
        receipt(finland, null, "150000.00", "EUR", "2006-10-05", "1010", "FI-TRF-20061005", new BigDecimal("187350.00"));

        Pledges.Pledge norway = pledges.announce(new Pledges.NewPledge("NO", Money.usd("100000.00"),
                LocalDate.parse("2006-09-20"), LocalDate.parse("2006-11-30"), null, "Announced at the Group's meeting"), WHO);
        receipts.record(new Receipts.NewReceipt("NO", null, null, norway.id(), Money.usd("100000.00"),
                LocalDate.parse("2006-11-05"), "1010", "NO-TRF-20061105", null, "Norway contribution to the Alliance",
                "Royal Norwegian Ministry of Foreign Affairs", "NO9386011117947"), WHO);
        receipts.record(new Receipts.NewReceipt(null, null, null, null, Money.usd("25000.00"), LocalDate.parse("2006-11-20"),
                "1010", "UNK-TRF-20061120", null, "AOC CONTRIBUTION", "CITIBANK NA REF 88213", null), WHO);
        long isesco = agreement("ISESCO", "AOC/ISESCO/2006-01", "2006-11-10", "SECRETARIAT", null,
                tranche("2007-01-31", "50000.00", "USD"));
        revaluations.revalue(LocalDate.parse("2006-12-31"), WHO);

        receipt(spain2006, 2, "1000000.00", "EUR", "2007-02-12", "1011", "ES-TRF-20070212", null);
        receipt(isesco, null, "50000.00", "USD", "2007-02-20", "1010", "ISESCO-TRF-20070220", null);
        long uk = agreement("GB", "AOC/GB/2007-01", "2007-03-01", null, null, tranche("2007-04-30", "120000.00", "GBP"));
        receipt(uk, null, "120000.00", "GBP", "2007-05-04", "1010", "GB-TRF-20070504", new BigDecimal("238320.00"));
        revaluations.reclassify(LocalDate.parse("2007-06-30"), WHO);
        receipt(turkey, 2, "300000.00", "USD", "2007-07-02", "1010", "TR-TRF-20070702", null);
        pledges.announce(new Pledges.NewPledge("LU", Money.usd("150000.00"), LocalDate.parse("2007-05-10"),
                LocalDate.parse("2008-03-31"), null, "Announced at the Group of Friends meeting, May 2007"), WHO);
        pledges.announce(new Pledges.NewPledge("QA", Money.usd("1000000.00"), LocalDate.parse("2007-11-13"),
                LocalDate.parse("2008-06-30"), null, "For the programme of action"), WHO);
        revaluations.revalue(LocalDate.parse("2007-12-31"), WHO);
        spending.load();
        bankStatements.load(java.time.YearMonth.of(2005, 1), java.time.YearMonth.of(2007, 12));
    }

    private void contributor(String code, String name, Contributors.Type type, boolean coSponsor, boolean friend,
                             @Nullable String iban) {
        contributors.create(new Contributors.Contributor(code, name, type, coSponsor, friend,
                iban == null ? List.of() : List.of(iban)), WHO);
    }

    private static Agreements.NewTranche tranche(String dueOn, String amount, String currency) {
        return new Agreements.NewTranche(LocalDate.parse(dueOn), new Money(new BigDecimal(amount), currency), false);
    }

    private long agreement(String contributor, String reference, String signedOn, @Nullable String earmark,
                           Agreements.@Nullable Condition condition, Agreements.NewTranche... tranches) {
        AgreementViews.Agreement agreement = agreements.sign(new Agreements.NewAgreement(contributor, reference,
                LocalDate.parse(signedOn), null, earmark, condition, new ArrayList<>(List.of(tranches))), WHO);
        return agreement.id();
    }

    private void receipt(long agreement, @Nullable Integer tranche, String amount, String currency, String on,
                         String bankAccount, String reference, @Nullable BigDecimal usdCredited) {
        receipts.record(new Receipts.NewReceipt(null, agreement, tranche, null, new Money(new BigDecimal(amount), currency),
                LocalDate.parse(on), bankAccount, reference, usdCredited, null, null, null), WHO);
    }
}
