package org.unaoc.trustfund.ledger;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.system.FormSubmissions;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Listing;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/** The journal (list, one entry, a manual entry sent for approval) and the periods with their close. */
@WebPage
class LedgerPages {

    /** A manual entry as typed: up to four lines of account, debit or credit (USD), component. */
    record EntryForm(@Nullable String date, @Nullable String description, @Nullable List<String> account,
                     @Nullable List<String> debit, @Nullable List<String> credit, @Nullable List<String> component,
                     @Nullable String submission) {

        static EntryForm empty() {
            return new EntryForm(LocalDate.now(ZoneOffset.UTC).toString(), null, blanks(), blanks(), blanks(), blanks(),
                    FormSubmissions.newKey());
        }

        private static List<String> blanks() {
            return new ArrayList<>(List.of("", "", "", ""));
        }

        public String at(@Nullable List<String> values, int index) {
            return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index);
        }

        ManualEntryRequest toRequest() {
            List<ManualEntryRequest.Line> lines = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String code = at(account, i).trim();
                if (code.isEmpty() && at(debit, i).isBlank() && at(credit, i).isBlank()) {
                    continue;
                }
                String where = "lines[" + lines.size() + "]";
                BigDecimal dr = at(debit, i).isBlank() ? null : Forms.amount(at(debit, i), where);
                BigDecimal cr = at(credit, i).isBlank() ? null : Forms.amount(at(credit, i), where);
                String part = at(component, i).trim();
                lines.add(new ManualEntryRequest.Line(Forms.required(code, where, "the account of line " + (i + 1)), dr, cr,
                        null, null, null, null, null, null, null, part.isEmpty() ? null : part, null));
            }
            return new ManualEntryRequest(Forms.date(date, "date"), Forms.required(description, "description",
                    "what the entry is for"), lines);
        }
    }

    private static final Map<String, Comparator<JournalEntries.Entry>> COLUMNS = Map.of(
            "id", Comparator.comparing(JournalEntries.Entry::id),
            "date", Comparator.comparing(JournalEntries.Entry::date).thenComparing(JournalEntries.Entry::id),
            "type", Comparator.comparing(JournalEntries.Entry::type));

    private final JournalEntries entries;
    private final Periods periods;
    private final Approvals approvals;
    private final ManualEntry manualEntry;
    private final Forms forms;
    private final FormSubmissions submissions;
    private final EntryReversal reversal;
    private final PeriodsPage periodsPage;
    private final YearEndClose yearEnd;
    private final PeriodReopening reopening;

    LedgerPages(JournalEntries entries, Periods periods, Approvals approvals, ManualEntry manualEntry, Forms forms,
                FormSubmissions submissions, EntryReversal reversal, PeriodsPage periodsPage, YearEndClose yearEnd,
                PeriodReopening reopening) {
        this.reopening = reopening;
        this.periodsPage = periodsPage;
        this.yearEnd = yearEnd;
        this.reversal = reversal;
        this.submissions = submissions;
        this.entries = entries;
        this.periods = periods;
        this.approvals = approvals;
        this.manualEntry = manualEntry;
        this.forms = forms;
    }

    @GetMapping("/journal-entries")
    String list(@RequestParam Map<String, String> parameters, Model model) {
        LocalDate to = parameters.containsKey("to") && !parameters.get("to").isBlank() ? Forms.date(parameters.get("to"), "to")
                : LocalDate.now(ZoneOffset.UTC);
        LocalDate from = parameters.containsKey("from") && !parameters.get("from").isBlank()
                ? Forms.date(parameters.get("from"), "from") : to.withDayOfYear(1);
        String account = parameters.get("account") == null || parameters.get("account").isBlank() ? null : parameters.get("account");
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("account", account);
        model.addAttribute("entries", Listing.of(entries.list(from, to, account, null), COLUMNS, "id", true, parameters,
                "/journal-entries"));
        return "ledger/entries";
    }

    @GetMapping("/journal-entries/{id:[0-9]+}")
    String entry(@PathVariable long id, Model model) {
        model.addAttribute("entry", entries.get(id));
        if (!model.containsAttribute("submission")) {
            model.addAttribute("submission", FormSubmissions.newKey());
            model.addAttribute("reversalDate", LocalDate.now(ZoneOffset.UTC).toString());
        }
        return "ledger/entry";
    }

    /** A reversal, sent for approval: every line on the other side once another officer approves it. */
    @PostMapping("/journal-entries/{id:[0-9]+}/reversal")
    String reverse(@PathVariable long id, @RequestParam(required = false) @Nullable String date,
                   @RequestParam(required = false) @Nullable String reason,
                   @RequestParam(required = false) @Nullable String submission, Principal user, Model model,
                   HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("period-closed", "reversalDate", "already-reversed", "reason",
                "duplicate-request", "reason"), () -> {
            EntryReversal.Request request = new EntryReversal.Request(id, Forms.date(date, "reversalDate"), reason);
            return submissions.once(user.getName(), submission, "/journal-entries/" + id + "/reversal", () ->
                    "/approvals/" + approvals.request(reversal, request, user.getName()).approval() + "?requested");
        }, refusal -> {
            model.addAttribute("refusal", refusal.field() != null && refusal.field().equals("date")
                    ? new Refusal(refusal.status(), refusal.title(), refusal.detail(), "reversalDate") : refusal);
            model.addAttribute("submission", submission);
            model.addAttribute("reversalDate", date);
            model.addAttribute("reason", reason);
            return entry(id, model);
        });
    }

    @GetMapping("/journal-entries/new")
    String form(Model model) {
        model.addAttribute("form", EntryForm.empty());
        return "ledger/entry-form";
    }

    /** Sent for approval by another officer (maker-checker): nothing is posted until then. */
    @PostMapping("/journal-entries")
    String request(@ModelAttribute("form") EntryForm form, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("period-closed", "date", "unbalanced-entry", "lines", "fund-closed", "date"),
                () -> {
                    ManualEntryRequest request = forms.valid(form.toRequest());
                    return submissions.once(user.getName(), form.submission(), "/journal-entries", () ->
                            "/approvals/" + approvals.request(manualEntry, request, user.getName()).approval() + "?requested");
                }, refusal -> {
                    model.addAttribute("refusal", refusal);
                    return "ledger/entry-form";
                });
    }

    @GetMapping("/periods")
    String periods(@RequestParam(required = false) @Nullable String year, Model model) {
        return periodsPage.show(year, model);
    }

    /** A closed period reopened only when another officer approves, for a reason kept on the record. */
    @PostMapping("/periods/{period}/reopen")
    String reopen(@PathVariable String period, @RequestParam(required = false) @Nullable String reason, Principal user,
                  Model model, HttpServletResponse response) {
        YearMonth month = Periods.parse(period);
        return Refusal.redirectOrForm(response, Map.of(), () -> "/approvals/" + approvals.request(reopening,
                new PeriodReopening.Request(month.toString(), reason), user.getName()).approval() + "?requested",
                refusal -> {
                    model.addAttribute("refusal", refusal.field() != null && refusal.field().equals("reason")
                            ? new Refusal(refusal.status(), refusal.title(), refusal.detail(), "reason-" + month) : refusal);
                    return periodsPage.show(String.valueOf(month.getYear()), model);
                });
    }

    /** Revenue and expenses of a year closed into net assets (3100), and its periods closed. */
    @PostMapping("/periods/year-end-close")
    String closeYear(@RequestParam(required = false) @Nullable String closeYear, Principal user, Model model,
                     HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            if (closeYear == null || !closeYear.trim().matches("[0-9]{4}")) {
                throw org.unaoc.trustfund.system.Problem.invalidField("closeYear", "is a year, such as 2006");
            }
            YearEndClose.Closed closed = yearEnd.close(Integer.parseInt(closeYear.trim()), user.getName());
            return "/periods?year=" + closed.year() + "&yearClosed=" + closed.year();
        }, refusal -> {
            model.addAttribute("refusal", refusal.field() == null ? new Refusal(refusal.status(), refusal.title(),
                    refusal.detail(), "closeYear") : refusal);
            model.addAttribute("closeYear", closeYear);
            return periodsPage.show(closeYear, model);
        });
    }

    @PostMapping("/periods/{period}/close")
    String close(@PathVariable String period, Principal user, Model model, HttpServletResponse response) {
        YearMonth month = Periods.parse(period);
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            periods.close(month, user.getName());
            return "/periods?year=" + month.getYear() + "&closed=" + month;
        }, refusal -> {
            model.addAttribute("refusal", refusal);
            return periodsPage.show(String.valueOf(month.getYear()), model);
        });
    }
}
