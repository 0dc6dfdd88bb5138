package org.unaoc.trustfund.ledger;

import jakarta.validation.Valid;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.system.IdempotencyKeyRequired;

/** Accounts, journal entries and periods over HTTP. */
@RestController
@RequestMapping("/api")
class LedgerController {

    private final Accounts accounts;
    private final JournalEntries entries;
    private final Periods periods;
    private final Approvals approvals;
    private final ManualEntry manualEntry;
    private final EntryReversal reversal;
    private final PeriodReopening reopening;
    private final FundParameters fund;
    private final ChartOfAccounts chart;
    private final YearEndClose yearEnd;

    LedgerController(YearEndClose yearEnd, Accounts accounts, JournalEntries entries, Periods periods, Approvals approvals,
                     ManualEntry manualEntry, EntryReversal reversal, PeriodReopening reopening, FundParameters fund,
                     ChartOfAccounts chart) {
        this.chart = chart;
        this.yearEnd = yearEnd;
        this.accounts = accounts;
        this.entries = entries;
        this.periods = periods;
        this.approvals = approvals;
        this.manualEntry = manualEntry;
        this.reversal = reversal;
        this.reopening = reopening;
        this.fund = fund;
    }

    record ReversalBody(@Nullable LocalDate date, @Nullable String reason) {
    }

    record ReopenBody(@Nullable String reason) {
    }

    record Year(@Nullable Integer year) {
    }

    @PostMapping("/year-end-closings")
    @IdempotencyKeyRequired
    @ResponseStatus(HttpStatus.CREATED)
    YearEndClose.Closed closeYear(@RequestBody Year year, Principal user) {
        if (year.year() == null) {
            throw org.unaoc.trustfund.system.Problem.invalidField("year", "is missing");
        }
        return yearEnd.close(year.year(), user.getName());
    }

    record BankAccount(@Nullable String code, @Nullable String name, @Nullable String currency, @Nullable String iban) {
    }

    @GetMapping("/fund")
    FundParameters.Fund fund() {
        return fund.current();
    }

    @GetMapping("/accounts")
    List<Accounts.Balance> accounts(@RequestParam(required = false) @Nullable LocalDate asOf) {
        return accounts.balances(asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
    }

    @PostMapping("/accounts")
    @IdempotencyKeyRequired
    @ResponseStatus(HttpStatus.CREATED)
    Account addBankAccount(@RequestBody BankAccount account) {
        return chart.addBankAccount(account.code(), account.name(), account.currency(), account.iban());
    }

    @GetMapping("/accounts/{code}/entries")
    Accounts.Statement accountEntries(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate from,
                                      @RequestParam(required = false) @Nullable LocalDate to) {
        LocalDate until = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        return accounts.statement(code, from != null ? from : until.withDayOfYear(1), until);
    }

    @PostMapping("/journal-entries")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending createEntry(@Valid @RequestBody ManualEntryRequest request, Principal user) {
        return approvals.request(manualEntry, request, user.getName());
    }

    @GetMapping("/journal-entries")
    List<JournalEntries.Entry> listEntries(@RequestParam(required = false) @Nullable LocalDate from,
                                           @RequestParam(required = false) @Nullable LocalDate to,
                                           @RequestParam(required = false) @Nullable String account,
                                           @RequestParam(required = false) @Nullable EntryType type) {
        return entries.list(from, to, account, type == null ? null : type.name());
    }

    @GetMapping("/journal-entries/{id}")
    JournalEntries.Entry entry(@PathVariable long id) {
        return entries.get(id);
    }

    @PostMapping("/journal-entries/{id}/reversal")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending reverse(@PathVariable long id, @RequestBody ReversalBody body, Principal user) {
        return approvals.request(reversal, new EntryReversal.Request(id, body.date(), body.reason()), user.getName());
    }

    @GetMapping("/periods")
    List<Periods.Period> periods(@RequestParam(required = false) @Nullable YearMonth from,
                                 @RequestParam(required = false) @Nullable YearMonth to) {
        return periods.list(from, to);
    }

    @PostMapping("/periods/{period}/close")
    @IdempotencyKeyRequired
    Periods.Period close(@PathVariable String period, Principal user) {
        return periods.close(Periods.parse(period), user.getName());
    }

    @PostMapping("/periods/{period}/reopen")
    @IdempotencyKeyRequired
    @ResponseStatus(HttpStatus.ACCEPTED)
    Approvals.Pending reopen(@PathVariable String period, @RequestBody ReopenBody body, Principal user) {
        YearMonth month = Periods.parse(period);
        return approvals.request(reopening, new PeriodReopening.Request(month.toString(), body.reason()), user.getName());
    }
}
