package org.unaoc.trustfund.security;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.ledger.IntegrityChain;

/** For the auditors: the audit log, and the verification of the hash chain. */
@RestController
@RequestMapping("/api")
class ControlsController {

    private final AuditLog log;
    private final IntegrityChain chain;

    ControlsController(AuditLog log, IntegrityChain chain) {
        this.log = log;
        this.chain = chain;
    }

    @GetMapping("/audit-log")
    List<AuditLog.Event> auditLog(@RequestParam(required = false) @Nullable LocalDate from,
                                  @RequestParam(required = false) @Nullable LocalDate to,
                                  @RequestParam(required = false) @Nullable String actor) {
        return log.list(from, to, actor);
    }

    @GetMapping("/integrity")
    IntegrityChain.Verification integrity() {
        return chain.verify();
    }
}
