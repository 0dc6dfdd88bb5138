package org.unaoc.trustfund.approvals;

import static org.unaoc.trustfund.db.Tables.APPROVAL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.system.Problems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The maker-checker queue. A controlled operation waits here and touches the books only when a
 * user with APPROVER other than its maker approves it; the database refuses maker = checker too.
 */
@Service
public class Approvals {

    public static final String PENDING = "PENDING_APPROVAL";

    private final DSLContext db;
    private final JsonMapper json;
    private final Map<String, ControlledOperation<?>> operations;

    Approvals(DSLContext db, JsonMapper json, List<ControlledOperation<?>> operations) {
        this.db = db;
        this.json = json;
        this.operations = operations.stream().collect(Collectors.toMap(ControlledOperation::name, Function.identity()));
    }

    public record Pending(String approval, String status) {
    }

    public record Approval(String id, String operation, String summary, String status, JsonNode request,
                           String requestedBy, OffsetDateTime requestedAt, @Nullable String decidedBy,
                           @Nullable OffsetDateTime decidedAt, @Nullable String reason, @Nullable JsonNode result) {
    }

    /** Queues the request after checking it; an identical request already waiting is refused. */
    @Transactional
    public <P> Pending request(ControlledOperation<P> operation, P request, String maker) {
        operation.check(request, maker);
        String payload = json.writeValueAsString(request);
        Long id = db.insertInto(APPROVAL)
                .set(APPROVAL.OPERATION, operation.name())
                .set(APPROVAL.PAYLOAD, JSONB.valueOf(payload))
                .set(APPROVAL.PAYLOAD_HASH, org.unaoc.trustfund.system.Sha256.of(operation.name() + "\n" + payload))
                .set(APPROVAL.SUMMARY, operation.summary(request))
                .set(APPROVAL.REQUESTED_BY, maker)
                .onConflictDoNothing()
                .returning(APPROVAL.ID)
                .fetchOne(APPROVAL.ID);
        if (id == null) {
            throw Problem.conflict("duplicate-request", "Duplicate request",
                    "An identical " + operation.name() + " request is already waiting for approval.");
        }
        return new Pending(String.valueOf(id), PENDING);
    }

    public List<Approval> list(@Nullable String status) {
        return db.select(approvalFields()).from(APPROVAL)
                .where(status == null ? DSL.noCondition() : APPROVAL.STATUS.eq(status))
                .orderBy(APPROVAL.ID)
                .fetch(this::approval);
    }

    public Approval get(long id) {
        return db.select(approvalFields()).from(APPROVAL).where(APPROVAL.ID.eq(id))
                .fetchOptional(this::approval)
                .orElseThrow(() -> Problem.notFound("Approval " + id));
    }

    /** Approves and carries out the operation in one transaction; if it fails, the request stays pending. */
    @Transactional
    public Approval approve(long id, String approver) {
        var pending = lockPending(id, approver);
        ControlledOperation<?> operation = operations.get(pending.getOperation());
        Object result = execute(operation, pending.getPayload(), pending.getRequestedBy(), approver, id);
        decide(id, "APPROVED", approver, null, json.writeValueAsString(result));
        return get(id);
    }

    @Transactional
    public Approval reject(long id, String approver, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalidField("reason", "is missing: say why the request is rejected");
        }
        lockPending(id, approver);
        decide(id, "REJECTED", approver, reason, null);
        return get(id);
    }

    private org.unaoc.trustfund.db.tables.records.ApprovalRecord lockPending(long id, String approver) {
        var approval = db.selectFrom(APPROVAL).where(APPROVAL.ID.eq(id)).forUpdate().fetchOne();
        if (approval == null) {
            throw Problem.notFound("Approval " + id);
        }
        if (!PENDING.equals(approval.getStatus())) {
            throw Problem.conflict("already-decided", "Already decided",
                    "Approval " + id + " was already " + approval.getStatus().toLowerCase() + " by " + approval.getDecidedBy() + ".");
        }
        if (approval.getRequestedBy().equals(approver)) {
            throw Problems.selfApproval();
        }
        return approval;
    }

    private <P> Object execute(ControlledOperation<P> operation, JSONB payload, String maker, String approver, long id) {
        P request = json.readValue(payload.data(), operation.requestType());
        return operation.execute(request, maker, approver, id);
    }

    private void decide(long id, String status, String approver, @Nullable String reason, @Nullable String result) {
        db.update(APPROVAL)
                .set(APPROVAL.STATUS, status)
                .set(APPROVAL.DECIDED_BY, approver)
                .set(APPROVAL.DECIDED_AT, OffsetDateTime.now())
                .set(APPROVAL.DECISION_REASON, reason)
                .set(APPROVAL.RESULT, result == null ? null : JSONB.valueOf(result))
                .where(APPROVAL.ID.eq(id))
                .execute();
    }

    private static org.jooq.SelectField<?>[] approvalFields() {
        return new org.jooq.SelectField<?>[] {APPROVAL.ID, APPROVAL.OPERATION, APPROVAL.SUMMARY, APPROVAL.STATUS,
                APPROVAL.PAYLOAD, APPROVAL.REQUESTED_BY, APPROVAL.REQUESTED_AT, APPROVAL.DECIDED_BY,
                APPROVAL.DECIDED_AT, APPROVAL.DECISION_REASON, APPROVAL.RESULT};
    }

    private Approval approval(org.jooq.Record row) {
        JSONB result = row.get(APPROVAL.RESULT);
        return new Approval(String.valueOf(row.get(APPROVAL.ID)), row.get(APPROVAL.OPERATION), row.get(APPROVAL.SUMMARY),
                row.get(APPROVAL.STATUS), json.readTree(row.get(APPROVAL.PAYLOAD).data()), row.get(APPROVAL.REQUESTED_BY),
                row.get(APPROVAL.REQUESTED_AT), row.get(APPROVAL.DECIDED_BY), row.get(APPROVAL.DECIDED_AT),
                row.get(APPROVAL.DECISION_REASON), result == null ? null : json.readTree(result.data()));
    }

}
