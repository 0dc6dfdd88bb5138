package org.unaoc.trustfund.simulation;

import org.jspecify.annotations.Nullable;

/** A rule the books broke: its kind (for counting over many seeds), what was seen, and the operation at fault if one was. */
record Violation(String kind, String detail, int step, @Nullable Op op) {

    Violation(String kind, String detail, int step) {
        this(kind, detail, step, null);
    }

    @Override
    public String toString() {
        return kind + " (after operation " + step + "): " + detail;
    }
}
