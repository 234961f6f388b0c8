package io.frontline.store;

import java.util.List;

/**
 * Events of listings as the JSON the HTTP API writes for each ({@link StoredEvent#json()}, UTF-8), kept by event id
 * by the caller, who knows when an event changes: {@link EventStore#eventsJson(EventFilter, int, int, String, EventJsonCache)}
 * reads from the store only the events it does not have, and offers it those.
 */
public interface EventJsonCache {
    /** The JSON of each event, null where it has none, in the order of {@code ids}. */
    byte[][] get(List<String> ids);

    /** Keeps the JSON of these events, read from the store after the caller's view of the store began. */
    void put(List<String> ids, List<byte[]> json);
}
