package org.unaoc.trustfund.security;

import java.time.LocalDate;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
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

    /** Newest first, a page at a time (from 1, 100 events unless {@code size} says up to 1000); the total in X-Total-Count. */
    @GetMapping("/audit-log")
    ResponseEntity<List<AuditLog.Event>> auditLog(@RequestParam(required = false) @Nullable LocalDate from,
                                                  @RequestParam(required = false) @Nullable LocalDate to,
                                                  @RequestParam(required = false) @Nullable String actor,
                                                  @RequestParam(required = false) @Nullable String outcome,
                                                  @RequestParam(defaultValue = "1") int page,
                                                  @RequestParam(defaultValue = "100") int size,
                                                  HttpServletRequest request) {
        AuditLog.Page events = log.page(new AuditLog.Query(from, to, actor, outcome), AuditLog.Order.ID, true, page, size);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", String.valueOf(events.total()));
        if ((long) page * size < events.total()) {
            String next = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page + 1).build()
                    .toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(events.events());
    }

    @GetMapping("/integrity")
    IntegrityChain.Verification integrity() {
        return chain.verify();
    }
}
