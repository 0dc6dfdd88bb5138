package org.unaoc.trustfund.statements;

import static org.unaoc.trustfund.statements.StatementFacts.ZERO;
import static org.unaoc.trustfund.statements.StatementFacts.sum;

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

    /** Realised (7810) and unrealised (7820) exchange gains and losses. */
    private static final String[] EXCHANGE_DIFFERENCES = {"7810", "7820"};

    private final StatementFacts facts;

    FinancialStatements(StatementFacts facts) {
        this.facts = facts;
    }

    /**
     * A statement with the prior period beside it (IPSAS 1): the same rows (the chart fixes them), the
     * prior period's figure of each in a last column; empty where the books do not reach back.
     */
    StatementTable withPriorPeriod(StatementRequest request, java.util.function.Function<StatementRequest, StatementTable> statement) {
        return withPriorPeriod(request, statement, false);
    }

    /** The same, for a statement as at the end of the period ({@code asAt}): its columns name the dates. */
    StatementTable withPriorPeriod(StatementRequest request, java.util.function.Function<StatementRequest, StatementTable> statement,
                                   boolean asAt) {
        StatementTable current = statement.apply(request);
        StatementRequest priorRequest = request.prior();
        StatementTable prior = priorRequest == null ? null : statement.apply(priorRequest);
        List<StatementTable.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < current.rows().size(); i++) {
            StatementTable.Row row = current.rows().get(i);
            if (row.kind().equals("HEADING")) {
                rows.add(row);
                continue;
            }
            List<Object> cells = new java.util.ArrayList<>(row.cells());
            cells.add(prior == null ? null : prior.rows().get(i).cells().getLast());
            rows.add(new StatementTable.Row(row.kind(), cells));
        }
        List<String> columns = new java.util.ArrayList<>(current.columns());
        columns.set(columns.size() - 1, "USD " + (asAt ? "at " + request.to() : period(request)));
        columns.add(priorRequest == null ? "Prior period" : "USD " + (asAt ? "at " + priorRequest.to() : period(priorRequest)));
        return new StatementTable(current.statement(), current.title(), current.fund(), current.from(), current.to(),
                current.status(), current.lastEntry(), current.closedPeriodHash(), columns, rows);
    }

    private static String period(StatementRequest request) {
        return request.from().getDayOfYear() == 1 && request.to().plusDays(1).getDayOfYear() == 1
                && request.from().getYear() == request.to().getYear() ? String.valueOf(request.to().getYear())
                : request.from() + " to " + request.to();
    }

    StatementTable position(StatementRequest request) {
        Map<String, BigDecimal> at = facts.balancesAt(request.to());
        var rows = new StatementTable.Rows().heading("Assets");
        BigDecimal cash = facts.cash(at);
        BigDecimal[] receivables = facts.receivablesByMaturity(request.to());
        rows.line("Cash and cash equivalents", cash)
                .line("Contributions receivable — current", receivables[0])
                .line("Contributions receivable — non-current", receivables[1])
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

    /**
     * Revenue and expenses of the period. Exchange differences (7810 realised, 7820 unrealised) are
     * shown net (IPSAS 4): a net gain as revenue, a net loss as an expense, never as negative revenue.
     */
    StatementTable performance(StatementRequest request) {
        Map<String, BigDecimal> moved = facts.movements(request.from(), request.to());
        BigDecimal exchange = sum(moved, EXCHANGE_DIFFERENCES).negate();
        BigDecimal gains = exchange.max(ZERO);
        BigDecimal losses = exchange.negate().max(ZERO);
        var rows = new StatementTable.Rows().heading("Revenue");
        BigDecimal revenue = ZERO;
        BigDecimal expenses = ZERO;
        for (Account account : facts.accounts()) {
            if (account.type() == AccountType.REVENUE && !isExchangeDifference(account)) {
                BigDecimal amount = moved.get(account.code()).negate();
                revenue = revenue.add(amount);
                rows.line(account.code(), account.name(), amount);
            }
        }
        rows.line(String.join("/", EXCHANGE_DIFFERENCES), "Net exchange gains", gains);
        revenue = revenue.add(gains);
        rows.total("", "Total revenue", revenue).heading("Expenses");
        for (Account account : facts.accounts()) {
            if (account.type() == AccountType.EXPENSE) {
                BigDecimal amount = moved.get(account.code());
                expenses = expenses.add(amount);
                rows.line(account.code(), account.name(), amount);
            }
        }
        rows.line(String.join("/", EXCHANGE_DIFFERENCES), "Net exchange losses", losses);
        expenses = expenses.add(losses);
        rows.total("", "Total expenses", expenses).total("", "Surplus (deficit) for the period", revenue.subtract(expenses));
        return facts.table("financial-performance", "Statement of financial performance", request,
                List.of("Account", "Item", "USD"), rows.list());
    }

    private static boolean isExchangeDifference(Account account) {
        return List.of(EXCHANGE_DIFFERENCES).contains(account.code());
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
        BigDecimal opening = facts.cash(facts.balancesAt(request.from().minusDays(1)));
        BigDecimal closing = facts.cash(facts.balancesAt(request.to()));
        BigDecimal surplus = surplus(moved);
        BigDecimal revalued = facts.cashRevalued(request.from(), request.to());
        BigDecimal receivables = sum(moved, RECEIVABLES).negate();
        BigDecimal liabilities = liabilities(moved).negate();
        BigDecimal netAssetMovements = sum(moved, "3100", "3200").negate();
        BigDecimal operating = surplus.subtract(revalued).add(receivables).add(liabilities).add(netAssetMovements);
        var rows = new StatementTable.Rows().heading("Cash flows from operating activities")
                .line("Surplus (deficit) for the period", surplus)
                .line("Unrealised exchange (gains) losses on cash and cash equivalents", revalued.negate())
                .line("(Increase) decrease in contributions receivable", receivables)
                .line("Increase (decrease) in liabilities", liabilities)
                .line("Movements in net assets other than the surplus", netAssetMovements)
                .total("Net cash flows from operating activities", operating)
                .line("Effect of exchange rate changes on cash and cash equivalents", revalued)
                .total("Net increase (decrease) in cash and cash equivalents", operating.add(revalued))
                .line("Cash and cash equivalents at the beginning of the period", opening)
                .total("Cash and cash equivalents at the end of the period", opening.add(operating).add(revalued))
                .line("Cash accounts at the end of the period (check)", closing);
        return facts.table("cash-flow", "Statement of cash flows (indirect method)", request, List.of("Item", "USD"), rows.list());
    }

    private BigDecimal liabilities(Map<String, BigDecimal> moved) {
        BigDecimal total = ZERO;
        for (Account account : facts.accounts()) {
            if (account.type() == AccountType.LIABILITY) {
                total = total.add(moved.getOrDefault(account.code(), ZERO));
            }
        }
        return total;
    }

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
