package io.frontline.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as stored: the JSON contract's event object (with any review corrections applied) and what the
 * store adds: the report it came from, its source, review status and when it was stored (epoch seconds).
 */
public record StoredEvent(Map<String, Object> contract, String reportId, String file, String source, String reviewStatus,
                          long storedAt) {

    public String id() {
        return (String) contract.get("event_id");
    }

    /** The contract object followed by the store's fields. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>(contract);
        m.put("report_id", reportId);
        m.put("file", file);
        m.put("source", source);
        m.put("review_status", reviewStatus);
        return m;
    }
}
