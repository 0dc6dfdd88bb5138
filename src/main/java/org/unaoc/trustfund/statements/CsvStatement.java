package org.unaoc.trustfund.statements;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8: a header of what the statement is, then the table. Text that a
 * spreadsheet would take for a formula (starting with = + - @) is prefixed with an apostrophe;
 * numbers are written as plain decimals.
 */
final class CsvStatement {

    private CsvStatement() {
    }

    static String render(StatementTable table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("Statement", table.title());
            csv.printRecord("Fund", table.fund());
            csv.printRecord("Period", table.from() + " to " + table.to());
            csv.printRecord("Status", table.status());
            csv.printRecord("Last entry included", table.lastEntry() == null ? "" : table.lastEntry());
            if (table.closedPeriodHash() != null) {
                csv.printRecord("Trial balance hash at close", table.closedPeriodHash());
            }
            csv.println();
            List<String> header = new ArrayList<>(List.of("Row"));
            header.addAll(table.columns());
            csv.printRecord(header);
            for (StatementTable.Row row : table.rows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.kind());
                for (Object cell : row.cells()) {
                    cells.add(cell(cell));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        String text = String.valueOf(value);
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
