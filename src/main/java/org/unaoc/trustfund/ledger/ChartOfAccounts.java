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
