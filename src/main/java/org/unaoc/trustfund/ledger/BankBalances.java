package org.unaoc.trustfund.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.system.Problem;

/** No bank account is overdrawn on any day (R19, R20): what a payment out of one may take. */
@Service
public class BankBalances {

    private final org.jooq.DSLContext db;
    private final ChartOfAccounts chart;
    private final Accounts accounts;

    BankBalances(org.jooq.DSLContext db, ChartOfAccounts chart, Accounts accounts) {
        this.db = db;
        this.chart = chart;
        this.accounts = accounts;
    }

    /**
     * Refuses to pay {@code amount} (in the account's currency) out of a bank account on a date when
     * the account would be overdrawn that day or on any later day already on the books (R19, R20).
     */
    public void requireHeld(String account, BigDecimal amount, LocalDate on, String what) {
        String currency = chart.byCode(account).currency();
        NavigableMap<LocalDate, Accounts.DayBalance> balance = accounts.daily(List.of(account), on).get(account);
        Map.Entry<LocalDate, Accounts.DayBalance> lowest = balance.floorEntry(on);
        LocalDate lowestOn = on;
        for (var day : balance.tailMap(on, false).entrySet()) {
            if (day.getValue().original().compareTo(lowest.getValue().original()) < 0) {
                lowest = day;
                lowestOn = day.getKey();
            }
        }
        BigDecimal held = lowest.getValue().original().setScale(2, RoundingMode.HALF_UP);
        if (amount.compareTo(held) > 0) {
            BigDecimal onTheDay = balance.floorEntry(on).getValue().original().setScale(2, RoundingMode.HALF_UP);
            throw new Problem(HttpStatus.CONFLICT, "insufficient-funds", "Insufficient funds",
                    what + " of " + amount.toPlainString() + " " + currency + " on " + on + " would overdraw bank account "
                            + account + ": it holds " + onTheDay.toPlainString() + " " + currency + " on " + on
                            + (lowestOn.equals(on) ? "" : " and " + held.toPlainString() + " " + currency + " on " + lowestOn)
                            + ". Date the payment when the cash is there.")
                    .with("bankAccount", account)
                    .with("available", Map.of("amount", held.toPlainString(), "currency", currency))
                    .with("availableOn", lowestOn.toString())
                    .with("required", Map.of("amount", amount.toPlainString(), "currency", currency));
        }
    }

    /** Refuses an entry that would leave any bank account it credits overdrawn on its day or a later one. */
    void requireHeldFor(NewEntry entry, String what) {
        Map<String, BigDecimal> net = new HashMap<>();
        for (NewLine line : entry.lines()) {
            if (chart.byCode(line.account()).bank()) {
                net.merge(line.account(), line.original() != null ? line.original().amount() : line.usd(), BigDecimal::add);
            }
        }
        if (net.values().stream().anyMatch(moved -> moved.signum() < 0)) {
            // the lock commitments and payments take: two that each fit but not together cannot both pass
            org.unaoc.trustfund.system.AdvisoryLocks.hold(db, org.unaoc.trustfund.system.AdvisoryLocks.AVAILABILITY, 0);
        }
        net.forEach((account, moved) -> {
            if (moved.signum() < 0) {
                requireHeld(account, moved.negate(), entry.date(), what);
            }
        });
    }
}
