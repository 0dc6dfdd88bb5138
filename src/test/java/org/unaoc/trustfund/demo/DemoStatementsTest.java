package org.unaoc.trustfund.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unaoc.trustfund.statements.Statements;
import org.unaoc.trustfund.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The statements over the demo history: identities at every month end, formats that agree, periods that add up, closed years that never change. */
class DemoStatementsTest extends DemoDataTest {

    @Autowired
    JsonMapper json;

    private Api api() {
        return new Api(port, json);
    }

    private JsonNode table(String name, String query) {
        Api.Response response = api().get("auditor", "/api/statements/" + name + "?" + query + "&format=json");
        assertThat(response.status()).as(name + " " + response.text()).isEqualTo(200);
        return response.body();
    }

    private static BigDecimal figure(JsonNode table, String label, int column) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("cells").get(0).asString().equals(label)) {
                return new BigDecimal(row.get("cells").get(column).asString());
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void at_every_month_end_the_books_hold_together() {
        for (YearMonth month = YearMonth.of(2005, 7); !month.isAfter(YearMonth.of(2007, 12)); month = month.plusMonths(1)) {
            String asOf = "asOf=" + month.atEndOfMonth();
            JsonNode position = table("financial-position", asOf);
            assertThat(figure(position, "Total assets", 1)).as("A = L + NA at %s", month)
                    .isEqualByComparingTo(figure(position, "Total liabilities and net assets", 1));
            JsonNode cashFlow = table("cash-flow", "from=2005-01-01&to=" + month.atEndOfMonth());
            assertThat(figure(cashFlow, "Cash and cash equivalents at the end of the period", 1)).as("cash flow at %s", month)
                    .isEqualByComparingTo(figure(cashFlow, "Cash accounts at the end of the period (check)", 1))
                    .isEqualByComparingTo(figure(position, "Cash and cash equivalents", 1));
            JsonNode trialBalance = api().get("auditor", "/api/statements/trial-balance?from=2005-01-01&to=" + month.atEndOfMonth())
                    .body().get("totals");
            assertThat(trialBalance.get("closingDebit").asString()).isEqualTo(trialBalance.get("closingCredit").asString());
            JsonNode contributions = api().get("auditor", "/api/statements/contributions?" + asOf).body();
            JsonNode performance = table("financial-performance", "from=2005-01-01&to=" + month.atEndOfMonth());
            BigDecimal agreedAndCash = new BigDecimal(contributions.get("totals").get("agreedUsd").asString())
                    .add(new BigDecimal(contributions.get("totals").get("receivedWithoutAgreementUsd").asString()));
            assertThat(agreedAndCash).as("contributions statement = revenue 4100 at %s", month)
                    .isEqualByComparingTo(value(performance, "4100|Voluntary contributions", 2));
            for (JsonNode agreement : contributions.get("agreements")) {
                if (agreement.get("reference").asString().startsWith("AOC/FND")) {
                    continue; // conditional: revenue follows the spending, not the receipt
                }
                BigDecimal left = new BigDecimal(agreement.get("agreedUsd").asString())
                        .add(new BigDecimal(agreement.get("exchangeDifferencesUsd").asString()));
                BigDecimal right = new BigDecimal(agreement.get("receivedUsd").asString())
                        .add(new BigDecimal(agreement.get("outstandingUsd").asString()));
                assertThat(left).as("R7 for %s at %s", agreement.get("reference").asString(), month).isEqualByComparingTo(right);
            }
            // the demo's bank accounts are never overdrawn: the fund spends only cash it holds
            for (JsonNode account : api().get("auditor", "/api/accounts?" + asOf).body()) {
                if (account.get("code").asString().startsWith("10")) {
                    assertThat(new BigDecimal(account.get("balanceUsd").asString())).as("%s at %s", account.get("code").asString(), month)
                            .isNotNegative();
                }
            }
        }
    }

    /**
     * #17: the demo's 2006 statements hold together and agree with the banks: assets = liabilities +
     * net assets; the cash flow's closing cash = the ledger's cash = the closing balances of the last
     * bank statements of 2006, each bank account reconciled with nothing unexplained.
     */
    @Test
    void the_2006_statements_agree_with_the_bank_statements() {
        JsonNode position = table("financial-position", "asOf=2006-12-31");
        assertThat(figure(position, "Total assets", 1)).isEqualByComparingTo(figure(position, "Total liabilities and net assets", 1));
        JsonNode cashFlow = table("cash-flow", "from=2006-01-01&to=2006-12-31");
        BigDecimal cash = figure(cashFlow, "Cash and cash equivalents at the end of the period", 1);
        assertThat(cash).isEqualByComparingTo(figure(position, "Cash and cash equivalents", 1)).isPositive();
        BigDecimal reconciledUsd = BigDecimal.ZERO;
        for (JsonNode account : api().get("auditor", "/api/accounts?asOf=2006-12-31").body()) {
            if (account.get("currency").isNull()) {
                continue;
            }
            String code = account.get("code").asString();
            Api.Response response = api().get("auditor", "/api/bank-accounts/" + code + "/reconciliation?asOf=2006-12-31");
            if (response.status() == 404) {
                assertThat(new BigDecimal(account.get("balanceUsd").asString())).as("%s has no statement: it holds nothing", code).isZero();
                continue;
            }
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            JsonNode reconciliation = response.body();
            assertThat(reconciliation.get("reconciled").asBoolean()).as("%s: %s", code, reconciliation).isTrue();
            assertThat(new BigDecimal(reconciliation.get("unexplained").asString())).isZero();
            assertThat(new BigDecimal(reconciliation.get("ledgerBalance").asString()))
                    .isEqualByComparingTo(new BigDecimal(reconciliation.get("statementClosingBalance").asString()));
            reconciledUsd = reconciledUsd.add(new BigDecimal(account.get("balanceUsd").asString()));
        }
        assertThat(reconciledUsd).as("the reconciled bank accounts hold the cash of the statements").isEqualByComparingTo(cash);
    }

    @Test
    void csv_and_pdf_carry_the_same_figures_as_json_for_every_statement() throws Exception {
        api().post("finance", "/api/contributors", Map.of("code", "FND-QUOTE", "type", "FOUNDATION",
                "name", "Fondation \"Dialogue, Paix\" — مؤسسة الحوار"));
        api().post("finance", "/api/receipts", Map.of("contributor", "FND-QUOTE", "amount", Map.of("amount", "1234.56",
                "currency", "USD"), "receivedOn", "2007-06-15", "bankAccount", "1010", "bankReference", "QUOTE-1"));
        for (String name : Statements.NAMES) {
            String query = "from=2006-01-01&to=2006-12-31";
            String csvText = new String(api().send(api().request("auditor", "/api/statements/" + name + "?" + query + "&format=csv")
                    .GET().build()).text().getBytes(), java.nio.charset.StandardCharsets.UTF_8);
            List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csvText)).getRecords();
            List<String> csvFigures = figures(records);
            byte[] pdf = api().getBytes("auditor", "/api/statements/" + name + "?" + query + "&format=pdf");
            String text;
            try (var document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document);
            }
            assertThat(text).as(name).contains("Trust Fund for the Alliance of Civilizations").contains("2006-01-01")
                    .containsAnyOf("PROVISIONAL", "FINAL").contains("Page 1 of");
            for (String figure : csvFigures) {
                assertThat(text.replace("\n", " ")).as("%s shows %s", name, figure).contains(printed(figure));
            }
            if (!List.of("trial-balance", "contributions", "obligations", "write-offs").contains(name)) {
                JsonNode table = table(name, query);
                List<String> jsonFigures = new ArrayList<>();
                table.get("rows").forEach(row -> row.get("cells").forEach(cell -> {
                    if (cell.isString() && cell.asString().matches("-?\\d+\\.\\d+")) {
                        jsonFigures.add(cell.asString());
                    }
                }));
                assertThat(csvFigures).as(name).containsExactlyElementsOf(jsonFigures);
            }
        }
        String contributions = api().get("auditor", "/api/statements/contributions?asOf=2007-12-31&format=csv").text();
        List<CSVRecord> parsed = CSVFormat.RFC4180.parse(new StringReader(contributions)).getRecords();
        assertThat(parsed.stream().map(r -> r.size() > 1 ? r.get(1) : "")).contains("Fondation \"Dialogue, Paix\" — مؤسسة الحوار",
                "Türkiye", "Islamic Educational, Scientific and Cultural Organization");
        String pdfText;
        try (var document = Loader.loadPDF(api().getBytes("auditor", "/api/statements/contributions?asOf=2007-12-31&format=pdf"))) {
            pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(pdfText).contains("Türkiye").contains("Fondation \"Dialogue, Paix\"");
    }

    @Test
    void a_two_year_statement_is_the_sum_of_its_two_years() {
        for (String name : List.of("financial-performance", "funding-status", "exchange-differences", "cash-flow")) {
            JsonNode both = table(name, "from=2006-01-01&to=2007-12-31");
            JsonNode first = table(name, "from=2006-01-01&to=2006-12-31");
            JsonNode second = table(name, "from=2007-01-01&to=2007-12-31");
            int column = name.equals("funding-status") ? 2 : name.equals("financial-performance") ? 2 : 1;
            if (name.equals("exchange-differences")) {
                column = 4;
            }
            for (int i = 0; i < both.get("rows").size(); i++) {
                JsonNode cells = both.get("rows").get(i).get("cells");
                if (cells.size() <= column || !cells.get(column).isString() || cells.get(0).asString().contains("beginning")
                        || cells.get(0).asString().contains("end of the period")) {
                    continue;
                }
                BigDecimal sum = value(first, key(cells), column).add(value(second, key(cells), column));
                assertThat(new BigDecimal(cells.get(column).asString())).as("%s %s", name, cells.get(0).asString())
                        .isEqualByComparingTo(sum);
            }
        }
    }

    @Test
    void a_closed_year_comes_out_the_same_after_later_postings() throws Exception {
        // R22: a year closes after its December, in order: 2005's months, 2005, 2006's months, 2006
        for (int year : List.of(2005, 2006)) {
            for (int month = 1; month <= 12; month++) {
                String period = year + "-" + (month < 10 ? "0" : "") + month;
                Api.Response monthClosed = api().post("finance", "/api/periods/" + period + "/close", Map.of());
                assertThat(monthClosed.status()).as(period + ": " + monthClosed.text()).isIn(200, 409);
            }
            Api.Response closed = api().post("finance", "/api/year-end-closings", Map.of("year", year));
            assertThat(closed.status()).as(closed.text()).isEqualTo(201);
        }
        Map<String, String> before = new java.util.HashMap<>();
        for (String name : Statements.NAMES) {
            for (String format : List.of("json", "csv")) {
                before.put(name + format, api().get("auditor", "/api/statements/" + name
                        + "?from=2006-01-01&to=2006-12-31&format=" + format).text());
            }
        }
        assertThat(before.get("financial-positionjson")).contains("FINAL");
        JsonNode performance = json.readTree(before.get("financial-performancejson"));
        assertThat(figure(performance, "", 2).signum()).isNotZero(); // the closing entry is not in the year's surplus

        Api.Response later = api().post("finance", "/api/receipts", Map.of("contributor", "NO", "amount", Map.of("amount", "5000.00",
                "currency", "USD"), "receivedOn", "2007-03-01", "bankAccount", "1010", "bankReference", "LATE-2007"));
        assertThat(later.status()).as(later.text()).isEqualTo(201);
        assertThat(api().post("finance", "/api/receipts", Map.of("contributor", "NO", "amount", Map.of("amount", "1.00",
                "currency", "USD"), "receivedOn", "2006-12-15", "bankAccount", "1010", "bankReference", "LATE-2006")).status())
                .isEqualTo(409);
        for (String name : Statements.NAMES) {
            for (String format : List.of("json", "csv")) {
                assertThat(api().get("auditor", "/api/statements/" + name + "?from=2006-01-01&to=2006-12-31&format=" + format)
                        .text()).as(name + " " + format).isEqualTo(before.get(name + format));
            }
        }
        String hash = api().get("auditor", "/api/periods?from=2006-12&to=2006-12").body().get(0).get("trialBalanceHash").asString();
        for (String name : List.of("financial-position", "funding-status", "contributions")) {
            String query = "/api/statements/" + name + "?from=2006-01-01&to=2006-12-31&format=pdf";
            assertThat(pdfFigures(api().getBytes("auditor", query))).as(name).isEqualTo(pdfFigures(api().getBytes("finance", query)));
        }
        try (var document = Loader.loadPDF(api().getBytes("auditor", "/api/statements/trial-balance?from=2006-01-01&to=2006-12-31&format=pdf"))) {
            assertThat(new PDFTextStripper().getText(document).replace("\n", "")).contains(hash);
        }
    }

    /** The figures a PDF prints, in order: what a reader compares, whatever the footer says. */
    private static List<String> pdfFigures(byte[] pdf) throws java.io.IOException {
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("Generated [^\\n]*", "");
            var matcher = java.util.regex.Pattern.compile("-?[0-9][0-9,]*\\.[0-9]{2}").matcher(text);
            List<String> figures = new ArrayList<>();
            while (matcher.find()) {
                figures.add(matcher.group());
            }
            return figures;
        }
    }

    private static String key(JsonNode cells) {
        boolean text = cells.size() > 1 && cells.get(1).isString() && !cells.get(1).asString().matches("-?[0-9.]+");
        return cells.get(0).asString() + "|" + (text ? cells.get(1).asString() : "");
    }

    private static BigDecimal value(JsonNode table, String label, int column) {
        for (JsonNode row : table.get("rows")) {
            JsonNode cells = row.get("cells");
            if (key(cells).equals(label) && cells.size() > column && cells.get(column).isString()) {
                return new BigDecimal(cells.get(column).asString());
            }
        }
        return BigDecimal.ZERO;
    }

    private static List<String> figures(List<CSVRecord> records) {
        List<String> figures = new ArrayList<>();
        boolean table = false;
        for (CSVRecord record : records) {
            if (!table) {
                table = record.size() > 0 && record.get(0).equals("Row");
                continue;
            }
            for (int i = 1; i < record.size(); i++) {
                if (record.get(i).matches("-?\\d+\\.\\d+")) {
                    figures.add(record.get(i));
                }
            }
        }
        return figures;
    }

    /** How the PDF prints a figure: thousands separated by commas. */
    private static String printed(String figure) {
        BigDecimal value = new BigDecimal(figure);
        return String.format(java.util.Locale.ROOT, "%,." + value.scale() + "f", value);
    }
}
