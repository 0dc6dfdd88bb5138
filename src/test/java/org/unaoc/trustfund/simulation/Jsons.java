package org.unaoc.trustfund.simulation;

import tools.jackson.databind.json.JsonMapper;

/** Reading one field of a JSON text. */
final class Jsons {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Jsons() {
    }

    static String field(String text, String name) {
        return JSON.readTree(text).get(name).asString();
    }
}
