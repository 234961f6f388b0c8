package io.frontline.store;

import java.time.OffsetDateTime;
import java.util.Map;

/** One review of an event: confirm, correct (with the corrected fields) or reject. */
public record ReviewAction(long id, String eventId, String action, String reviewer, Map<String, Object> fields,
                           OffsetDateTime createdAt) {
}
