package org.unaoc.trustfund.contributions;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.system.DecimalLimits;
import org.unaoc.trustfund.system.Problem;

/**
 * A bank statement as CSV, one entry a line with the header
 * {@code bookingDate,creditDebit,amount,currency,reference,payerName,payerIban,remittance}; the
 * statement's reference, opening and closing balances come as request parameters.
 */
final class StatementCsv {

    static final String HEADER = "bookingDate,creditDebit,amount,currency,reference,payerName,payerIban,remittance";

    private StatementCsv() {
    }

    static ParsedStatement parse(byte[] body, String reference, String currency, BigDecimal opening, BigDecimal closing) {
        List<ParsedStatement.Line> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try {
            var parser = format.parse(new StringReader(new String(body, StandardCharsets.UTF_8)));
            if (!parser.getHeaderNames().containsAll(List.of(HEADER.split(",")))) {
                throw Problem.invalid("The CSV header must be " + HEADER + ". Nothing was imported.");
            }
            for (CSVRecord record : parser) {
                if (lines.size() >= Camt053.MAX_ENTRIES) {
                    throw Problem.invalid("The statement has more than " + Camt053.MAX_ENTRIES + " entries; split it.");
                }
                lines.add(line(record, (int) record.getRecordNumber() + 1));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw Problem.invalid("The CSV cannot be read: " + e.getMessage() + ". Nothing was imported.");
        }
        return new ParsedStatement("csv", null, currency, reference, opening, closing, null, null, lines);
    }

    private static ParsedStatement.Line line(CSVRecord record, int line) {
        String side = record.get("creditDebit");
        if (!side.equals("CRDT") && !side.equals("DBIT")) {
            throw Problem.invalid("Line " + line + ": creditDebit is CRDT or DBIT, not '" + side + "'. Nothing was imported.")
                    .with("line", line);
        }
        BigDecimal amount;
        LocalDate date;
        try {
            amount = DecimalLimits.checked(new BigDecimal(record.get("amount")), "line " + line + " amount");
            date = LocalDate.parse(record.get("bookingDate"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw Problem.invalid("Line " + line + ": the amount or the bookingDate cannot be read. Nothing was imported.")
                    .with("line", line);
        }
        if (amount.signum() <= 0) {
            throw Problem.invalid("Line " + line + ": the amount must be positive; creditDebit gives the side.").with("line", line);
        }
        return new ParsedStatement.Line(line, side.equals("DBIT") ? amount.negate() : amount, record.get("currency"), true,
                date, blank(record.get("reference")), blank(record.get("payerName")), blank(record.get("payerIban")),
                blank(record.get("remittance")));
    }

    private static @Nullable String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
