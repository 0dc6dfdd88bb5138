package org.unaoc.trustfund.statements;

import static org.unaoc.trustfund.statements.StatementFacts.ZERO;
import static org.unaoc.trustfund.statements.StatementFacts.sum;
import static org.unaoc.trustfund.statements.StatementFacts.sumWhere;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.AccountType;

/**
 * The IPSAS statements: financial position (as of), financial performance, changes in net assets,
 * cash flow (indirect method). All from
 * per-period balances; the year-end closing entries are left out of the period's surplus.
 */
@Component
class FinancialStatements {

    private static final String[] RECEIVABLES = {"1210", "1220", "1290"};

    private final StatementFacts facts;

    FinancialStatements(StatementFacts facts) {
        this.facts = facts;
    }

    StatementTable position(StatementRequest request) {
        Map<String, BigDecimal> at = facts.balancesAt(request.to());
        var rows = new StatementTable.Rows().heading("Assets");
        BigDecimal cash = sumWhere(at, c -> c.startsWith("10"));
        rows.line("Cash and cash equivalents", cash)
                .line("Contributions receivable — current", sum(at, "1210"))
                .line("Contributions receivable — non-current", sum(at, "1220"))
                .line("Allowance for doubtful contributions", sum(at, "1290"));
        BigDecimal assets = cash.add(sum(at, RECEIVABLES));
        rows.total("Total assets", assets).heading("Liabilities");
        BigDecimal liabilities = ZERO;
        for (Account account : facts.accounts()) {
            if (account.type() == AccountType.LIABILITY) {
                BigDecimal credit = at.get(account.code()).negate();
                liabilities = liabilities.add(credit);
                rows.line(account.name(), credit);
            }
        }
        rows.total("Total liabilities", liabilities).heading("Net assets");
        BigDecimal surplus = sum(at, "3100").negate().add(unclosedSurplus(at));
        BigDecimal reserve = sum(at, "3200").negate();
        rows.line("Accumulated surplus", surplus).line("Operating cash reserve", reserve);
        BigDecimal netAssets = surplus.add(reserve);
        rows.total("Total net assets", netAssets).total("Total liabilities and net assets", liabilities.add(netAssets));
        return facts.table("financial-position", "Statement of financial position", request, List.of("Item", "USD"), rows.list());
    }

    StatementTable performance(StatementRequest request) {
        Map<String, BigDecimal> moved = facts.movements(request.from(), request.to());
        var rows = new StatementTable.Rows().heading("Revenue");
        BigDecimal revenue = ZERO;
        BigDecimal expenses = ZERO;
        for (Account account : facts.accounts()) {
            if (account.type() == AccountType.REVENUE) {
                BigDecimal amount = moved.get(account.code()).negate();
                revenue = revenue.add(amount);
                rows.line(account.code(), account.name(), amount);
            }
        }
        rows.total("", "Total revenue", revenue).heading("Expenses");
        for (Account account : facts.accounts()) {
            if (account.type() == AccountType.EXPENSE) {
                BigDecimal amount = moved.get(account.code());
                expenses = expenses.add(amount);
                rows.line(account.code(), account.name(), amount);
            }
        }
        rows.total("", "Total expenses", expenses).total("", "Surplus (deficit) for the period", revenue.subtract(expenses));
        return facts.table("financial-performance", "Statement of financial performance", request,
                List.of("Account", "Item", "USD"), rows.list());
    }

    StatementTable netAssets(StatementRequest request) {
        Map<String, BigDecimal> before = facts.balancesAt(request.from().minusDays(1));
        Map<String, BigDecimal> after = facts.balancesAt(request.to());
        Map<String, BigDecimal> moved = facts.movements(request.from(), request.to());
        BigDecimal opening = netAssets(before);
        BigDecimal surplus = surplus(moved);
        BigDecimal reserve = sum(moved, "3200").negate();
        BigDecimal other = sum(moved, "3100").negate();
        BigDecimal closing = netAssets(after);
        var rows = new StatementTable.Rows()
                .line("Net assets at the beginning of the period", opening)
                .line("Surplus (deficit) for the period", surplus)
                .line("Transfers to the operating cash reserve", reserve)
                .line("Other movements in accumulated surplus", other)
                .total("Net assets at the end of the period", closing);
        return facts.table("net-assets", "Statement of changes in net assets", request, List.of("Item", "USD"), rows.list());
    }

    StatementTable cashFlow(StatementRequest request) {
        Map<String, BigDecimal> moved = facts.movements(request.from(), request.to());
        BigDecimal opening = sumWhere(facts.balancesAt(request.from().minusDays(1)), c -> c.startsWith("10"));
        BigDecimal closing = sumWhere(facts.balancesAt(request.to()), c -> c.startsWith("10"));
        BigDecimal surplus = surplus(moved);
        BigDecimal receivables = sum(moved, RECEIVABLES).negate();
        BigDecimal liabilities = sumWhere(moved, c -> c.startsWith("2")).negate();
        BigDecimal netAssetMovements = sum(moved, "3100", "3200").negate();
        BigDecimal operating = surplus.add(receivables).add(liabilities).add(netAssetMovements);
        var rows = new StatementTable.Rows().heading("Cash flows from operating activities")
                .line("Surplus (deficit) for the period", surplus)
                .line("(Increase) decrease in contributions receivable", receivables)
                .line("Increase (decrease) in liabilities", liabilities)
                .line("Movements in net assets other than the surplus", netAssetMovements)
                .total("Net cash flows from operating activities", operating)
                .line("Cash and cash equivalents at the beginning of the period", opening)
                .total("Cash and cash equivalents at the end of the period", opening.add(operating))
                .line("Cash accounts at the end of the period (check)", closing);
        return facts.table("cash-flow", "Statement of cash flows (indirect method)", request, List.of("Item", "USD"), rows.list());
    }

    /** Sources and uses of funds as the MPTF Gateway shows them: prior years, the period, cumulative. */
    private BigDecimal surplus(Map<String, BigDecimal> moved) {
        BigDecimal total = ZERO;
        for (Account account : facts.accounts()) {
            if (account.type() == AccountType.REVENUE || account.type() == AccountType.EXPENSE) {
                total = total.subtract(moved.get(account.code()));
            }
        }
        return total;
    }

    private BigDecimal unclosedSurplus(Map<String, BigDecimal> balances) {
        return surplus(balances);
    }

    private BigDecimal netAssets(Map<String, BigDecimal> balances) {
        return sum(balances, "3100", "3200").negate().add(unclosedSurplus(balances));
    }
}
