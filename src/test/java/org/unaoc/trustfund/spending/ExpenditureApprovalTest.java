package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * A direct expenditure is a disbursement (R19, #16 item 3): the certifying officer asks, another
 * officer approves, and only then is it posted and paid. Figures by hand: with 100,000.00 of cash
 * received on 10 January, no cost plan and nothing earmarked, a staff cost of 40,000.00 carries PSC
 * at 13% of 5,200.00 and posts Dr 5100 40,000.00 · Dr 5900 5,200.00 / Cr 1010 40,000.00 ·
 * Cr 2150 5,200.00, leaving 54,800.00 available.
 *
 * <p>The tests share one fund: each runs in a year of its own, earlier than the years of the tests
 * before it, so that its figures on its own dates are its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpenditureApprovalTest extends FreshBooksTest {

    private Spend books;

    @BeforeEach
    void books() {
        books = new Spend(api());
    }

    @Test
    @Order(1)
    void an_expenditure_is_paid_only_when_another_officer_approves_it() {
        Spend spend = funded("2023");
        Map<String, Object> cost = commitment("RESEARCH", "STAFF", "40000.00", "2023-03-01");
        cost.put("payee", "Research staff payroll");
        Api.Response requested = api().post("finance", "/api/expenditures", cost);
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        String approval = requested.body().get("approval").asString();
        assertThat(books.available("2023-03-31")).as("nothing is reserved or posted before the approval")
                .isEqualByComparingTo("100000.00");
        assertThat(books.balance("1010", "2023-03-31")).isEqualByComparingTo("100000.00");
        assertThat(api().get("auditor", "/api/journal-entries?from=2023-03-01&to=2023-03-01").body().size()).isZero();

        Api.Response own = api().post("finance", "/api/approvals/" + approval + "/approval", Map.of());
        assertThat(own.status()).as(own.text()).isEqualTo(403);
        assertThat(own.body().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(api().get("approver", "/api/approvals/" + approval).body().get("status").asString())
                .as("the maker's refused approval leaves it waiting").isEqualTo("PENDING_APPROVAL");
        assertThat(books.available("2023-03-31")).isEqualByComparingTo("100000.00");

        JsonNode waiting = api().get("approver", "/api/approvals/" + approval).body();
        assertThat(waiting.get("summary").asString()).contains("USD 40000.00", "Research staff payroll", "2023-03-01",
                "Dr 5100 / Cr 1010", "PSC USD 5200.00", "available to RESEARCH that day USD 100000.00");

        JsonNode paid = spend.approve(requested);
        JsonNode entry = api().get("auditor", "/api/journal-entries/" + paid.get("entry").get("id").asLong()).body();
        assertThat(spend.lines(entry)).containsExactlyInAnyOrder("5100 Dr 40000.00", "1010 Cr 40000.00", "5900 Dr 5200.00",
                "2150 Cr 5200.00");
        assertThat(entry.get("createdBy").asString()).isEqualTo("finance");
        assertThat(entry.get("approvedBy").asString()).isEqualTo("approver");
        assertThat(books.available("2023-03-31")).isEqualByComparingTo("54800.00");
        assertThat(books.balance("1010", "2023-03-31")).isEqualByComparingTo("60000.00");
        assertThat(books.audited("finance", "/api/expenditures")).isTrue();
        assertThat(books.audited("approver", "/api/approvals/" + approval + "/approval")).isTrue();

        Api.Response twice = api().post("approver", "/api/approvals/" + approval + "/approval", Map.of());
        assertThat(twice.status()).as("an approval is decided once").isEqualTo(409);
        assertThat(books.balance("1010", "2023-03-31")).isEqualByComparingTo("60000.00");
    }

    /** Short funds are refused as the expenditure is asked for: nothing waits that could not be paid. */
    @Test
    @Order(2)
    void an_expenditure_beyond_the_funds_is_refused_at_the_request_and_queues_nothing() {
        funded("2022");
        int pending = api().get("approver", "/api/approvals").body().size();
        // 90,000.00 with PSC 11,700.00 needs 101,700.00 of the 100,000.00
        Api.Response tooMuch = api().post("finance", "/api/expenditures", commitment("RESEARCH", "STAFF", "90000.00", "2022-03-01"));
        assertThat(tooMuch.status()).as(tooMuch.text()).isEqualTo(409);
        assertThat(tooMuch.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(api().get("approver", "/api/approvals").body().size()).isEqualTo(pending);
        Api.Response euros = api().post("finance", "/api/expenditures", Map.of("component", "RESEARCH", "objectClass", "STAFF",
                "amount", Map.of("amount", "10.00", "currency", "EUR"), "date", "2022-03-01", "payee", "X", "description", "Y"));
        assertThat(euros.status()).as(euros.text()).isEqualTo(422);
        assertThat(euros.body().get("field").asString()).isEqualTo("amount");
        assertThat(api().get("approver", "/api/approvals").body().size()).isEqualTo(pending);
        assertThat(books.available("2022-03-31")).isEqualByComparingTo("100000.00");
    }

    /**
     * The funds are checked again at the approval: two requests of 30,000.00 (33,900.00 with PSC)
     * each fit the 100,000.00 alone, and both fit; a third fits alone but not after the other two
     * (100,000.00 − 67,800.00 = 32,200.00 &lt; 33,900.00). Approved in either order, the last
     * approved is the one refused, and it stays in the queue.
     */
    @Test
    @Order(3)
    void the_funds_are_checked_again_when_the_expenditure_is_approved_in_either_order() {
        for (String year : new String[] {"2021", "2020"}) {
            Spend spend = funded(year);
            Api.Response first = api().post("finance", "/api/expenditures", commitment("HLG", "TRAVEL", "30000.00", year + "-03-01"));
            Api.Response second = api().post("finance", "/api/expenditures", commitment("HLG", "TRAVEL", "30000.00", year + "-03-02"));
            Api.Response third = api().post("finance", "/api/expenditures", commitment("HLG", "TRAVEL", "30000.00", year + "-03-03"));
            for (Api.Response requested : new Api.Response[] {first, second, third}) {
                assertThat(requested.status()).as(requested.text()).isEqualTo(202);
            }
            boolean dateOrder = year.equals("2021");
            Api.Response last = dateOrder ? third : first;
            spend.approve(second);
            spend.approve(dateOrder ? first : third);
            Api.Response refused = api().post("approver", "/api/approvals/" + last.body().get("approval").asString() + "/approval",
                    Map.of());
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
            assertThat(api().get("approver", "/api/approvals/" + last.body().get("approval").asString()).body()
                    .get("status").asString()).isEqualTo("PENDING_APPROVAL");
            assertThat(books.available(year + "-03-31")).isEqualByComparingTo("32200.00");
            assertThat(books.balance("1010", year + "-03-31")).isEqualByComparingTo("40000.00");
        }
    }

    /** A closed period refuses the request, and the approval of one asked for before the month closed. */
    @Test
    @Order(4)
    void a_closed_month_refuses_the_request_and_the_approval() {
        Spend spend = funded("2019");
        Api.Response waiting = api().post("finance", "/api/expenditures", commitment("SECRETARIAT", "OPERATING", "1000.00",
                "2019-01-20"));
        assertThat(waiting.status()).as(waiting.text()).isEqualTo(202);
        // 2019 is the earliest year with entries: its January closes first
        Api.Response closed = api().post("finance", "/api/periods/2019-01/close", Map.of());
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        Api.Response late = api().post("finance", "/api/expenditures", commitment("SECRETARIAT", "OPERATING", "1000.00",
                "2019-01-25"));
        assertThat(late.status()).as(late.text()).isEqualTo(409);
        assertThat(late.body().get("type").asString()).isEqualTo("/problems/period-closed");
        Api.Response approved = api().post("approver", "/api/approvals/" + waiting.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(409);
        assertThat(approved.body().get("type").asString()).isEqualTo("/problems/period-closed");
        assertThat(books.balance("1010", "2019-01-31")).isEqualByComparingTo("100000.00");
        assertThat(spend.expenditure(commitment("SECRETARIAT", "OPERATING", "1000.00", "2019-02-01")).status())
                .as("February is open").isEqualTo(201);
    }

    /** 100,000.00 of cash on 10 January of the year, from Qatar. */
    private Spend funded(String year) {
        Spend spend = new Spend(api());
        spend.contributor("QA");
        spend.cash("QA", "100000.00", year + "-01-10");
        return spend;
    }
}
