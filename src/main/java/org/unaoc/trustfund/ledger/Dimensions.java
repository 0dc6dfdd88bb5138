package org.unaoc.trustfund.ledger;

import org.jspecify.annotations.Nullable;

/** The dimensions a journal line may carry (ACCOUNTING.md C1). */
public record Dimensions(@Nullable String contributor, @Nullable Long agreement, @Nullable Integer tranche,
                         @Nullable String component, @Nullable String objectClass) {

    public static final Dimensions NONE = new Dimensions(null, null, null, null, null);
}
