package org.unaoc.trustfund.statements;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.unaoc.trustfund.security.AccessRules;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Listing;
import org.unaoc.trustfund.web.WebPage;

/** Every statement the viewer may read, for any period, shown in the page and downloadable as CSV, PDF or JSON. */
@WebPage
class StatementPages {

    static final int ROWS_PER_PAGE = 200;

    private final Statements statements;

    StatementPages(Statements statements) {
        this.statements = statements;
    }

    @GetMapping("/statements")
    String statement(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String from,
                     @RequestParam(required = false) @Nullable String to, @RequestParam Map<String, String> parameters,
                     Viewer viewer, Model model) {
        List<String> readable = Statements.NAMES.stream().filter(n -> AccessRules.mayRead(viewer.roles(), n)).toList();
        String chosen = name != null && readable.contains(name) ? name : readable.getFirst();
        LocalDate until = to == null || to.isBlank() ? Statements.untilByDefault(chosen, LocalDate.now(ZoneOffset.UTC))
                : Forms.date(to, "to");
        LocalDate since = from == null || from.isBlank() ? until.withDayOfYear(1) : Forms.date(from, "from");
        StatementRequest request = new StatementRequest(since, until, viewer);
        model.addAttribute("names", readable);
        model.addAttribute("name", chosen);
        model.addAttribute("from", since);
        model.addAttribute("to", until);
        StatementTable table = statements.table(chosen, request);
        model.addAttribute("table", table);
        // a long statement (the general ledger of a year) is shown a page at a time; the downloads hold all of it
        model.addAttribute("rows", Listing.inOrder(table.rows(), ROWS_PER_PAGE, parameters, "/statements"));
        model.addAttribute("downloads", downloads(chosen, since, until));
        return "statements/statements";
    }

    /** The API address of a statement for a period, to which the page adds {@code &format=}. */
    static String downloads(String name, LocalDate from, LocalDate to) {
        return UriComponentsBuilder.fromPath("/api/statements/{name}").queryParam("from", from).queryParam("to", to)
                .buildAndExpand(name).toUriString();
    }
}
