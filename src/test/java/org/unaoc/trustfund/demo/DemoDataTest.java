package org.unaoc.trustfund.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unaoc.trustfund.contributions.ContributionStatus;
import org.unaoc.trustfund.ledger.InvariantsCheck;
import org.unaoc.trustfund.ledger.TrialBalance;
import org.unaoc.trustfund.ledger.TrialBalances;
import org.unaoc.trustfund.security.Role;
import org.unaoc.trustfund.security.Viewer;

/** The demo history loads on a first start into an empty database, through the services, and balances. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoDataTest {

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    TrialBalances trialBalances;

    @Autowired
    ContributionStatus contributions;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) throws Exception {
        org.unaoc.trustfund.support.FreshDatabase.register(properties, true);
    }

    @Test
    void the_demo_history_is_on_the_books_and_balanced() {
        InvariantsCheck.hold(db, "demo data");
        TrialBalance balance = trialBalances.of(java.time.LocalDate.parse("2005-01-01"), java.time.LocalDate.parse("2007-12-31"));
        assertThat(balance.totals().closingDebit()).isEqualByComparingTo(balance.totals().closingCredit());
        assertThat(balance.totals().closingDebit()).isPositive();

        ContributionStatus.Status status = contributions.asOf(java.time.LocalDate.parse("2007-12-31"),
                new Viewer("auditor", java.util.Set.of(Role.AUDITOR), null));
        assertThat(status.agreements()).extracting(ContributionStatus.AgreementRow::contributor)
                .contains("ES", "TR", "QA", "FI", "GB", "ISESCO", "FND-DIALOGUE");
        assertThat(status.announcedPledges()).extracting(ContributionStatus.Announced::contributor).contains("LU", "QA");
        assertThat(status.withoutAgreement()).extracting(ContributionStatus.WithoutAgreement::contributor).contains("NO");
        assertThat(status.totals().unappliedUsd()).isEqualByComparingTo("25000.00");
        ContributionStatus.AgreementRow turkey = status.agreements().stream().filter(a -> a.contributor().equals("TR"))
                .findFirst().orElseThrow();
        assertThat(turkey.outstanding().amount()).isEqualByComparingTo("300000.00");
        assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.APP_USER)).isGreaterThanOrEqualTo(9);
        assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.EXPENDITURE)).isGreaterThan(40);
        // the research grant's condition was met by research spending
        assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY,
                org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY.TYPE.eq("CONDITION_MET"))).isPositive();
        var cash = db.fetchSingle("SELECT sum(balance_usd) FROM account WHERE code LIKE '10%'").get(0, java.math.BigDecimal.class);
        assertThat(cash).isPositive();
    }
}
