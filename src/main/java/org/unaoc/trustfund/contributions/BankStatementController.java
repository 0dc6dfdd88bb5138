package org.unaoc.trustfund.contributions;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.system.IdempotencyKeyRequired;

/** camt.053 (application/xml) or CSV (text/csv) bank statements. */
@RestController
@RequestMapping("/api/bank-statements")
class BankStatementController {

    private final BankStatements statements;

    BankStatementController(BankStatements statements) {
        this.statements = statements;
    }

    @PostMapping(consumes = {"application/xml", "text/xml"})
    @IdempotencyKeyRequired
    ResponseEntity<BankStatements.Imported> importXml(@RequestBody byte[] xml, Principal user) {
        return answer(statements.importXml(xml, user.getName()));
    }

    @PostMapping(consumes = "text/csv")
    @IdempotencyKeyRequired
    ResponseEntity<BankStatements.Imported> importCsv(@RequestBody byte[] csv, @RequestParam(required = false) @Nullable String account,
                                                      @RequestParam(required = false) @Nullable String statement,
                                                      @RequestParam(required = false) @Nullable BigDecimal opening,
                                                      @RequestParam(required = false) @Nullable BigDecimal closing,
                                                      Principal user) {
        return answer(statements.importCsv(csv, new BankStatements.CsvParameters(account, statement, opening, closing),
                user.getName()));
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return statements.list();
    }

    private static ResponseEntity<BankStatements.Imported> answer(BankStatements.Imported imported) {
        return ResponseEntity.status(imported.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED).body(imported);
    }
}
