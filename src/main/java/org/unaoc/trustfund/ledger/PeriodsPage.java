package org.unaoc.trustfund.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The periods page's model (a year's periods and the dates the period-end forms propose), for every controller that shows it. */
@Component
public class PeriodsPage {

    private final Periods periods;

    PeriodsPage(Periods periods) {
        this.periods = periods;
    }

    public String show(@Nullable String year, Model model) {
        int shown = year == null || !year.matches("[0-9]{4}") ? LocalDate.now(ZoneOffset.UTC).getYear() : Integer.parseInt(year);
        model.addAttribute("year", shown);
        model.addAttribute("periods", periods.list(YearMonth.of(shown, 1), YearMonth.of(shown, 12)));
        if (!model.containsAttribute("asOf")) {
            model.addAttribute("asOf", YearMonth.of(shown, 12).atEndOfMonth().toString());
        }
        return "ledger/periods";
    }
}
