package org.unaoc.trustfund.spending;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount pro rata to weights, to the cent, so that the parts add up exactly: each part
 * is rounded down, and the cents left go one each to the largest remainders (ties to the larger
 * weight, then to the key).
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    static Map<String, BigDecimal> split(BigDecimal amount, Map<String, BigDecimal> weights) {
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        if (total.signum() <= 0 || amount.signum() <= 0) {
            return parts;
        }
        record Share(String key, BigDecimal weight, BigDecimal floor, BigDecimal remainder) {
        }
        List<Share> shares = new ArrayList<>();
        BigDecimal allotted = BigDecimal.ZERO;
        for (var weight : weights.entrySet()) {
            BigDecimal exact = amount.multiply(weight.getValue()).divide(total, 12, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(2, RoundingMode.DOWN);
            shares.add(new Share(weight.getKey(), weight.getValue(), floor, exact.subtract(floor)));
            allotted = allotted.add(floor);
        }
        int cents = amount.subtract(allotted).movePointRight(2).intValueExact();
        shares.sort(Comparator.comparing(Share::remainder).reversed().thenComparing(Share::weight, Comparator.reverseOrder())
                .thenComparing(Share::key));
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            parts.put(share.key(), i < cents ? share.floor().add(new BigDecimal("0.01")) : share.floor());
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        weights.keySet().forEach(key -> ordered.put(key, parts.get(key)));
        return ordered;
    }
}
