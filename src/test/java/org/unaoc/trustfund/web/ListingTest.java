package org.unaoc.trustfund.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.currency.Money;

/** Paging and sorting keep the page's filters; amounts are written with their currency's places. */
class ListingTest {

    private static final List<Integer> SIXTY = IntStream.rangeClosed(1, 60).boxed().toList();
    private static final Map<String, Comparator<Integer>> COLUMNS = Map.of("n", Comparator.naturalOrder());

    @Test
    void a_page_of_the_sorted_rows_with_links_that_keep_the_filters() {
        Map<String, String> request = new LinkedHashMap<>(Map.of("from", "2006-01-01", "page", "2", "sort", "n", "dir", "desc"));
        Listing<Integer> listing = Listing.of(SIXTY, COLUMNS, "n", false, request, "/receipts");
        assertThat(listing.getRows()).hasSize(Listing.PAGE_SIZE).first().isEqualTo(60 - Listing.PAGE_SIZE);
        assertThat(listing.getPages()).isEqualTo(3);
        assertThat(listing.getTotal()).isEqualTo(60);
        assertThat(listing.pageLink(3)).startsWith("/receipts?").contains("from=2006-01-01").contains("page=3")
                .contains("dir=desc");
        assertThat(listing.sortLink("n")).contains("dir=asc").contains("page=1").contains("from=2006-01-01");
        assertThat(listing.ariaSort("n")).isEqualTo("descending");
        assertThat(listing.ariaSort("other")).isEqualTo("none");
    }

    @Test
    void an_unknown_column_or_page_falls_back_to_the_default_and_the_last_page() {
        Listing<Integer> listing = Listing.of(SIXTY, COLUMNS, "n", false, Map.of("sort", "nope", "page", "99"), "/x");
        assertThat(listing.getPage()).isEqualTo(3);
        assertThat(listing.getRows()).containsExactlyElementsOf(SIXTY.subList(50, 60));
        assertThat(Listing.of(List.<Integer>of(), COLUMNS, "n", true, Map.of("page", "x"), "/x").getPages()).isOne();
        Listing<Integer> inOrder = Listing.inOrder(SIXTY, 200, Map.of(), "/statements");
        assertThat(inOrder.getRows()).isEqualTo(SIXTY);
    }

    @Test
    void a_refusal_said_next_to_its_field_drops_the_fields_name() {
        Refusal refusal = new Refusal(422, "The request is not valid", "amount: 'x' is not an amount", "amount");
        assertThat(refusal.shortDetail()).isEqualTo("'x' is not an amount");
        assertThat(refusal.concerns("amount")).isTrue();
        assertThat(new Refusal(409, "Period closed", "The period 2005-01 is closed: no entry.", "receivedOn").shortDetail())
                .isEqualTo("The period 2005-01 is closed: no entry.");
        assertThat(new Refusal(422, "t", "tranches[1].amount: is missing", "tranches[1].amount").concerns("tranches")).isTrue();
    }

    @Test
    void amounts_have_their_currencys_places_and_thousands_grouped() {
        Formats formats = new Formats();
        assertThat(formats.amount(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.50");
        assertThat(formats.amount(new BigDecimal("0"))).isEqualTo("0.00");
        assertThat(formats.inCurrency(new BigDecimal("2500.0000"), "USD")).isEqualTo("2,500.00 USD");
        assertThat(formats.money(new Money(new BigDecimal("1000"), "JPY"))).isEqualTo("1,000 JPY");
        assertThat(formats.money(new Money(new BigDecimal("1.234"), "KWD"))).isEqualTo("1.234 KWD");
        assertThat(formats.cellClass(new BigDecimal("-1.00"))).isEqualTo("num neg");
        assertThat(formats.cellClass("text")).isEmpty();
    }
}
