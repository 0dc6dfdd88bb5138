package org.unaoc.trustfund.ledger;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.ACCOUNT;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.system.Problem;

/** The accounts by code. Read once and again when an unknown code is asked for (accounts are only added). */
@Component
public class ChartOfAccounts {

    private final DSLContext db;
    private volatile Map<String, Account> byCode = Map.of();

    ChartOfAccounts(DSLContext db) {
        this.db = db;
    }

    public Account byCode(String code) {
        Account account = byCode.get(code);
        if (account == null) {
            account = reload().get(code);
        }
        if (account == null) {
            throw Problem.invalidField("account", "'" + code + "' is not an account of the chart; GET /api/accounts lists them")
                    .with("account", code);
        }
        return account;
    }

    public Account existing(String code) {
        Account account = byCode.get(code) != null ? byCode.get(code) : reload().get(code);
        if (account == null) {
            throw Problem.notFound("Account " + code);
        }
        return account;
    }

    /** A new bank account (1012 to 1099) in its currency, with the IBAN its statements name. */
    @org.springframework.transaction.annotation.Transactional
    public Account addBankAccount(String code, String name, String currency, String iban) {
        if (code == null || !code.matches("10(1[2-9]|[2-9][0-9])")) {
            throw Problem.invalidField("code", "a new bank account takes a free code from 1012 to 1099");
        }
        if (name == null || name.isBlank()) {
            throw Problem.invalidField("name", "is missing");
        }
        org.unaoc.trustfund.currency.Money.checkedCurrency(currency);
        if (iban == null || !iban.replace(" ", "").matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
            throw Problem.invalidField("iban", "'" + iban + "' is not an IBAN");
        }
        int created = db.insertInto(ACCOUNT).set(ACCOUNT.ID, Integer.parseInt(code)).set(ACCOUNT.CODE, code)
                .set(ACCOUNT.NAME, name.strip()).set(ACCOUNT.TYPE, AccountType.ASSET.name())
                .set(ACCOUNT.CURRENCY, currency).set(ACCOUNT.IBAN, iban.replace(" ", ""))
                .onConflictDoNothing().execute();
        if (created == 0) {
            throw Problem.conflict("account-exists", "Account exists", "Account " + code + " or IBAN " + iban + " exists already.");
        }
        return reload().get(code);
    }

    /** The bank accounts, each in its currency. */
    public List<Account> bankAccounts() {
        return all().stream().filter(Account::bank).toList();
    }

    public List<Account> all() {
        return reload().values().stream().sorted(java.util.Comparator.comparing(Account::code)).toList();
    }

    private Map<String, Account> reload() {
        Map<String, Account> accounts = db.select(ACCOUNT.ID, ACCOUNT.CODE, ACCOUNT.NAME, ACCOUNT.TYPE, ACCOUNT.CONTRA,
                        ACCOUNT.CURRENCY)
                .from(ACCOUNT)
                .fetch(mapping((id, code, name, type, contra, currency) ->
                        new Account(id, code, name, AccountType.valueOf(type), contra, currency)))
                .stream()
                .collect(Collectors.toMap(Account::code, Function.identity(), (a, b) -> a, ConcurrentHashMap::new));
        byCode = accounts;
        return accounts;
    }
}
