package org.unaoc.trustfund.contributions;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/bank-accounts/{code}/reconciliation?asOf=}: the books against the bank's last statement. */
@RestController
class BankReconciliationController {

    private final BankReconciliations reconciliations;

    BankReconciliationController(BankReconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @GetMapping("/api/bank-accounts/{code}/reconciliation")
    BankReconciliations.Reconciliation reconciliation(@PathVariable String code,
                                                      @RequestParam(required = false) @Nullable LocalDate asOf) {
        return reconciliations.of(code, asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
    }
}
