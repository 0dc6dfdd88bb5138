package org.unaoc.trustfund.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.jooq.DSLContext;

/** Months close in order (R22): a test that closes a month first closes the earlier ones its class wrote in. */
public final class Closing {

    private Closing() {
    }

    /** Closes, in order, every open month before {@code month} that has entries. */
    public static void monthsBefore(Api api, DSLContext db, YearMonth month) {
        int before = month.getYear() * 100 + month.getMonthValue();
        for (Integer period : db.fetch("SELECT p.id FROM fiscal_period p WHERE p.id < ? AND p.status = 'OPEN' "
                + "AND EXISTS (SELECT 1 FROM journal_entry e WHERE e.period_id = p.id) ORDER BY p.id", before)
                .getValues(0, Integer.class)) {
            String name = String.format("%04d-%02d", period / 100, period % 100);
            Api.Response closed = api.post("finance", "/api/periods/" + name + "/close", java.util.Map.of());
            assertThat(closed.status()).as("closing %s: %s", name, closed.text()).isEqualTo(200);
        }
    }
}
