package org.unaoc.trustfund.ledger;

import java.util.List;

/**
 * The entries one transaction posted, published once just before it commits, when every line is
 * in: the moment for work that must see the books whole (R16's carrying amounts). Entries posted
 * by a listener of this event are not published again.
 */
public record EntriesPosted(List<Long> entries) {

    public EntriesPosted {
        entries = List.copyOf(entries);
    }
}
