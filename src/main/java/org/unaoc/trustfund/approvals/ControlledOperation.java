package org.unaoc.trustfund.approvals;

/**
 * An operation that touches the books only when a second person approves it (SPEC.md §4).
 * Each feature implements one per controlled operation and asks {@link Approvals} to queue it.
 *
 * @param <P> the request, stored as JSON until the decision
 */
public interface ControlledOperation<P> {

    /** The stable name stored with the request, e.g. MANUAL_ENTRY. */
    String name();

    Class<P> requestType();

    /** One line an approver reads in the queue. */
    String summary(P request);

    /** Checks the request when it is made, so that a bad one never waits in the queue. */
    void check(P request, String maker);

    /** Carries the request out when approved; returns what it made (stored as the result). */
    Object execute(P request, String maker, String approver, long approval);
}
