package org.unaoc.trustfund.simulation;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Records the operations through the HTTP API as the finance office does: `finance` makes,
 * `approver` approves or rejects, every POST with its own Idempotency-Key. It keeps what each
 * generator key became (agreement ids, receipt and expenditure entries).
 */
final class Driver {

    static final String MAKER = "finance";
    static final String CHECKER = "approver";

    /** What the product answered: its status, the problem's type when refused, and the body. */
    record Outcome(int status, @Nullable String problem, String text) {
        boolean accepted() {
            return status < 300;
        }

        static Outcome skipped(String why) {
            return new Outcome(204, null, why);
        }
    }

    private final Api api;
    final Map<String, Long> agreements = new HashMap<>();
    /** Whose each agreement is: unapplied cash is applied with its contributor named. */
    private final Map<String, String> agreementContributors = new HashMap<>();
    final Map<String, Long> receipts = new HashMap<>();
    final Map<String, Long> entries = new HashMap<>();
    final Map<String, Long> obligations = new HashMap<>();
    final Map<String, Long> pledges = new HashMap<>();

    Driver(Api api) {
        this.api = api;
    }

    void setUp(Rates rates) {
        Api.Response imported = api.send(api.request(MAKER, "/api/exchange-rates/import").header("Idempotency-Key", java.util.UUID.randomUUID().toString()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(rates.csv())).build());
        require(imported, "the simulated rates");
        Api.Response account = api.post(MAKER, "/api/accounts", Map.of("code", "1012", "name", "Cash — NOK bank account",
                "currency", "NOK", "iban", "NO9386011117947"));
        if (account.status() != 201 && account.status() != 409) {
            require(account, "the NOK bank account");
        }
    }

    Outcome record(Op op) {
        return switch (op) {
            case Op.Contributor c -> post("/api/contributors", Map.of("code", c.code(), "name", "Contributor " + c.code(),
                    "type", c.type(), "coSponsor", List.of("ES", "TR").contains(c.code()), "groupOfFriends", true));
            case Op.Pledge p -> remember(post("/api/pledges", Map.of("contributor", p.contributor(),
                    "amount", money(p.amount(), "USD"), "announcedOn", p.date().toString())), pledges, p.key(), "id");
            case Op.PledgeCancellation c -> post("/api/pledges/" + id(pledges, c.pledge()) + "/cancellation",
                    Map.of("reason", "withdrawn", "date", c.date().toString()));
            case Op.Agreement a -> {
                agreementContributors.put(a.key(), a.contributor());
                yield remember(post("/api/agreements", agreement(a)), agreements, a.key(), "id");
            }
            case Op.Confirmation c -> post("/api/agreements/" + id(agreements, c.agreement()) + "/tranches/" + c.tranche()
                    + "/confirmation", Map.of("date", c.date().toString()));
            case Op.Receipt r -> receipt(r);
            case Op.BankStatement b -> bankStatement(b);
            case Op.Application a -> post("/api/receipts/" + id(receipts, a.receipt()) + "/application",
                    Map.of("agreement", id(agreements, a.agreement()), "contributor", contributorOf(a.agreement()),
                            "tranche", a.tranche(), "date", a.date().toString()));
            case Op.ManualEntry m -> manualEntry(m);
            case Op.LateRate r -> lateRate(r);
            case Op.FundClosure c -> controlled(post("/api/closure", Map.of("date", c.date().toString(),
                    "reason", "the Alliance's trust fund ends")), true);
            case Op.Revaluation r -> post("/api/revaluations", Map.of("asOf", r.date().toString()));
            case Op.Reclassification r -> post("/api/reclassifications", Map.of("asOf", r.date().toString()));
            case Op.Reversal r -> entries.containsKey(r.target())
                    ? controlled(post("/api/journal-entries/" + entries.get(r.target()) + "/reversal",
                            Map.of("date", r.date().toString(), "reason", "simulated correction")), r.approve())
                    : Outcome.skipped("the entry to reverse was never posted");
            case Op.CostPlan c -> post("/api/cost-plans", Map.of("component", c.component(), "year", c.year(),
                    "lines", List.of(Map.of("objectClass", "STAFF", "amount", c.amount().toPlainString()))));
            case Op.Obligation o -> remember(post("/api/obligations", commitment(o.component(), o.objectClass(), o.amount(),
                    o.date(), null)), obligations, o.key(), "id");
            case Op.Expenditure e -> expenditure(e);
            case Op.Allotment a -> controlled(post("/api/allotments", Map.of("component", a.component(), "year", a.year(),
                    "amount", money(a.amount(), "USD"))), a.approve());
            case Op.PscRemittance p -> controlled(post("/api/psc-remittances", Map.of("amount", p.amount().toPlainString(),
                    "date", p.date().toString())), true);
            case Op.Allowance a -> post("/api/impairments", Map.of("agreement", id(agreements, a.agreement()),
                    "tranche", a.tranche(), "date", a.date().toString(), "reason", "long overdue"));
            case Op.WriteOff w -> controlled(post("/api/write-offs", Map.of("agreement", id(agreements, w.agreement()),
                    "tranche", w.tranche(), "date", w.date().toString(), "reason", "uncollectable")), w.approve());
            case Op.ConditionExpiry c -> post("/api/agreements/" + id(agreements, c.agreement()) + "/condition-expiry",
                    Map.of("date", c.date().toString()));
            case Op.Refund r -> refund(r);
            case Op.PeriodClose c -> post("/api/periods/" + c.month() + "/close", Map.of());
            case Op.PeriodReopening r -> controlled(post("/api/periods/" + r.month() + "/reopen",
                    Map.of("reason", "late adjustment")), r.approve());
            case Op.YearEndClose y -> post("/api/year-end-closings", Map.of("year", y.year()));
        };
    }

    private Outcome receipt(Op.Receipt r) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (r.contributor() != null) {
            body.put("contributor", r.contributor());
        }
        if (r.agreement() != null) {
            body.put("agreement", id(agreements, r.agreement()));
            body.put("tranche", r.tranche());
        }
        if (r.pledge() != null && pledges.containsKey(r.pledge())) {
            body.put("pledge", pledges.get(r.pledge()));
        }
        body.put("amount", money(r.amount(), r.currency()));
        body.put("receivedOn", r.date().toString());
        body.put("bankAccount", r.bankAccount());
        body.put("bankReference", "SIM-" + r.key());
        if (r.usdCredited() != null) {
            body.put("usdCredited", r.usdCredited().toPlainString());
        }
        Api.Response response = api.post(MAKER, "/api/receipts", body);
        if (response.status() == 201) {
            receipts.put(r.key(), response.body().get("id").asLong());
            entries.put(r.key(), response.body().get("entry").asLong());
        }
        return outcome(response);
    }

    /** Added at once when no posting used the rate it replaces; otherwise a correction approved by another officer. */
    private Outcome lateRate(Op.LateRate r) {
        Outcome added = post("/api/exchange-rates", Map.of("currency", r.currency(), "effectiveFrom", r.date().toString(),
                "rate", r.rate().toPlainString()));
        return added.status() == 202 ? controlled(added, true) : added;
    }

    private Outcome manualEntry(Op.ManualEntry m) {
        Outcome decided = controlled(post("/api/journal-entries", Map.of("date", m.date().toString(),
                "description", "Bank fee taken from the USD account",
                "lines", List.of(Map.of("account", "6200", "debit", m.amount().toPlainString()),
                        Map.of("account", "1010", "credit", m.amount().toPlainString())))), m.approve());
        if (m.approve() && decided.status() == 200) {
            JsonNode result = api.get(CHECKER, "/api/approvals/" + lastApproval).body().get("result");
            entries.put(m.key(), result.get("id").asLong());
        }
        return decided;
    }

    private Outcome bankStatement(Op.BankStatement b) {
        StringBuilder csv = new StringBuilder("bookingDate,creditDebit,amount,currency,reference,payerName,payerIban,remittance\n");
        for (Op.Receipt credit : b.credits()) {
            csv.append(credit.date()).append(",CRDT,").append(credit.amount().toPlainString()).append(',').append(b.currency())
                    .append(",SIM-").append(credit.key()).append(",,,\n");
        }
        String path = b.camt() ? "/api/bank-statements" : "/api/bank-statements?account=" + b.account() + "&statement=SIM-"
                + b.key() + "&opening=" + b.opening().toPlainString() + "&closing=" + b.closingBalance().toPlainString();
        String body = b.camt() ? camt(b) : csv.toString();
        Outcome outcome = null;
        for (int i = 0; i < (b.twice() ? 2 : 1); i++) {
            Api.Response response = api.send(api.request(MAKER, path).header("Content-Type", b.camt() ? "application/xml" : "text/csv")
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            if (i == 0 && response.status() < 300) {
                for (JsonNode booked : response.body().get("receipts")) {
                    String key = booked.get("bankReference").asString().substring("SIM-".length());
                    receipts.put(key, booked.get("receipt").asLong());
                }
            }
            if (i == 1 && response.status() < 300 && response.body().get("receiptsCreated").asInt() != 0) {
                return new Outcome(299, "/simulation/statement-imported-twice", response.text());
            }
            outcome = outcome == null || response.status() >= 300 ? outcome(response) : outcome;
        }
        return outcome;
    }

    /** The fund's accounts as their bank names them. */
    private static final Map<String, String> IBANS = Map.of("1010", "CH9300762011623852957", "1011", "CH5604835012345678009");

    /** A camt.053.001.08 statement: credits with the bank's reference and no payer the fund knows. */
    private static String camt(Op.BankStatement b) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-SIM-%s</MsgId><CreDtTm>%sT06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>SIM-%s</Id>
                      <CreDtTm>%sT06:00:00</CreDtTm>
                      <Acct><Id><IBAN>%s</IBAN></Id><Ccy>%s</Ccy></Acct>
                """.formatted(b.key(), b.date(), b.key(), b.date(), IBANS.get(b.account()), b.currency()));
        xml.append(balance("OPBD", b.opening(), b)).append(balance("CLBD", b.closingBalance(), b));
        for (Op.Receipt credit : b.credits()) {
            xml.append("""
                          <Ntry>
                            <Amt Ccy="%s">%s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <Sts><Cd>BOOK</Cd></Sts>
                            <BookgDt><Dt>%s</Dt></BookgDt>
                            <ValDt><Dt>%s</Dt></ValDt>
                            <AcctSvcrRef>SIM-%s</AcctSvcrRef>
                          </Ntry>
                    """.formatted(b.currency(), credit.amount().toPlainString(), credit.date(), credit.date(), credit.key()));
        }
        return xml.append("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n").toString();
    }

    private static String balance(String type, BigDecimal amount, Op.BankStatement b) {
        return """
                      <Bal><Tp><CdOrPrtry><Cd>%s</Cd></CdOrPrtry></Tp><Amt Ccy="%s">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%s</Dt></Dt></Bal>
                """.formatted(type, b.currency(), amount.toPlainString(), b.date());
    }

    private Outcome expenditure(Op.Expenditure e) {
        Long obligation = e.obligation() == null ? null : obligations.get(e.obligation());
        if (e.obligation() != null && obligation == null) {
            return Outcome.skipped("its obligation was refused");
        }
        // a disbursement (R19): requested by the maker, approved by the checker
        Outcome decided = controlled(post("/api/expenditures", commitment(e.component(), e.objectClass(), e.amount(),
                e.date(), obligation)), true);
        if (decided.status() == 200) {
            JsonNode result = api.get(CHECKER, "/api/approvals/" + lastApproval).body().get("result");
            entries.put(e.key(), result.get("entry").get("id").asLong());
        }
        return decided;
    }

    private Outcome refund(Op.Refund r) {
        Outcome requested = controlled(post("/api/refunds", Map.of("contributor", r.contributor(),
                "amount", money(r.amount(), "USD"), "date", r.date().toString(), "reason", "unspent balance")), r.approve());
        if (!requested.accepted() || !r.approve()) {
            return requested;
        }
        JsonNode result = api.get(CHECKER, "/api/approvals/" + lastApproval).body().get("result");
        // paying it is a disbursement too (R19): approved by the other officer
        return controlled(post("/api/refunds/" + result.get("id").asLong() + "/payment", Map.of("date", r.date().toString())),
                true);
    }

    private String lastApproval = "";

    /** A controlled operation: the maker's 202, then the approver's decision. */
    private Outcome controlled(Outcome requested, boolean approve) {
        if (requested.status() != 202) {
            return requested;
        }
        lastApproval = Jsons.field(requested.text(), "approval");
        Api.Response decided = approve
                ? api.post(CHECKER, "/api/approvals/" + lastApproval + "/approval", Map.of())
                : api.post(CHECKER, "/api/approvals/" + lastApproval + "/rejection", Map.of("reason", "not justified"));
        return outcome(decided);
    }

    private Outcome post(String path, Object body) {
        return outcome(api.post(MAKER, path, body));
    }

    private Outcome remember(Outcome outcome, Map<String, Long> ids, String key, String field) {
        if (outcome.status() == 201 || outcome.status() == 200) {
            ids.put(key, Long.parseLong(Jsons.field(outcome.text(), field)));
        }
        return outcome;
    }

    private static Outcome outcome(Api.Response response) {
        String problem = response.contentType().startsWith("application/problem+json") && response.body().has("type")
                ? response.body().get("type").asString() : null;
        return new Outcome(response.status(), problem, response.text());
    }

    private static Map<String, Object> agreement(Op.Agreement a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contributor", a.contributor());
        body.put("reference", "SIM/" + a.contributor() + "/" + a.key());
        body.put("signedOn", a.date().toString());
        if (a.earmark() != null) {
            body.put("earmark", a.earmark());
        }
        if (a.conditionDeadline() != null) {
            body.put("condition", Map.of("description", "the study finished", "deadline", a.conditionDeadline().toString()));
        }
        body.put("tranches", a.tranches().stream().map(t -> Map.of("dueOn", t.dueOn().toString(),
                "amount", money(t.amount(), a.currency()), "subjectToAppropriation", t.subjectToAppropriation())).toList());
        return body;
    }

    private static Map<String, Object> commitment(String component, String objectClass, BigDecimal amount,
                                                  java.time.LocalDate date, @Nullable Long obligation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("component", component);
        body.put("objectClass", objectClass);
        body.put("amount", money(amount, "USD"));
        body.put("date", date.toString());
        body.put("payee", "Payee");
        body.put("description", "simulated");
        if (obligation != null) {
            body.put("obligation", obligation);
        }
        return body;
    }

    static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("amount", amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(), "currency", currency);
    }

    private String contributorOf(String agreement) {
        return agreementContributors.getOrDefault(agreement, "");
    }

    private static long id(Map<String, Long> ids, String key) {
        Long id = ids.get(key);
        return id == null ? 0 : id;
    }

    private static void require(Api.Response response, String what) {
        if (response.status() >= 300) {
            throw new IllegalStateException("Setting up " + what + " answered " + response.status() + ": " + response.text());
        }
    }
}
