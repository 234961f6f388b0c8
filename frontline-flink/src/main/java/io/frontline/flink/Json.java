package io.frontline.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontline.events.Claim;
import io.frontline.events.Event;

/**
 * JSON of the core's records: exact round trips inside the job ({@link #write}, {@link #event}, {@link #claim}) and the
 * snake_case objects the job publishes ({@link #published}), whose field names follow the JSON contract's.
 */
public final class Json {
    private static final ObjectMapper INTERNAL = new ObjectMapper();
    private static final ObjectMapper PUBLISHED = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Json() {
    }

    public static String write(Object record) {
        try {
            return INTERNAL.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Event event(String json) {
        return read(json, Event.class);
    }

    public static Claim claim(String json) {
        return read(json, Claim.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return INTERNAL.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + " from the job's JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A core record as a snake_case JSON object, to add the job's fields to. */
    public static ObjectNode published(Object record) {
        return PUBLISHED.valueToTree(record);
    }

    public static ObjectNode object() {
        return PUBLISHED.createObjectNode();
    }

    public static String text(ObjectNode n) {
        try {
            return PUBLISHED.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) PUBLISHED.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }
}
