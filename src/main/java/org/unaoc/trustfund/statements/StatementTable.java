package org.unaoc.trustfund.statements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A statement as a table, the one shape every format is rendered from: the JSON of most
 * statements, every CSV and every PDF. Cells are decimals (USD unless the column says otherwise),
 * text, dates or whole numbers.
 */
public record StatementTable(String statement, String title, String fund, LocalDate from, LocalDate to, String status,
                             @Nullable Long lastEntry, @Nullable String closedPeriodHash, List<String> columns,
                             List<Row> rows) {

    public record Row(String kind, List<@Nullable Object> cells) {
    }

    /** Builds the rows of a table. */
    static final class Rows {
        private final List<Row> rows = new ArrayList<>();

        Rows heading(String label) {
            rows.add(new Row("HEADING", List.of(label)));
            return this;
        }

        Rows line(@Nullable Object... cells) {
            rows.add(new Row("LINE", java.util.Arrays.asList(cells)));
            return this;
        }

        Rows total(@Nullable Object... cells) {
            rows.add(new Row("TOTAL", java.util.Arrays.asList(cells)));
            return this;
        }

        List<Row> list() {
            return List.copyOf(rows);
        }
    }
}
