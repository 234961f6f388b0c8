package io.frontline.flink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontline.events.Event;

/**
 * One event as the job publishes it: the core's event with its report, story, whether it repeats an event of an
 * earlier copy of the story, and its source assessment. {@link #eventId} (the report's content hash and the event's
 * index) is the key of the Kafka record and of the table row: a re-sent report or a replay after a failure writes
 * the same key. A Flink POJO.
 */
public class EventRecord {
    public String eventId;
    public String reportId;
    public String file;
    public String url;
    public String storyId;
    /** The event of an earlier copy of the story this one repeats, else null. */
    public String duplicateOf;
    /** The control model's key of the event's place ({@code io.frontline.control.ControlModel#key}), or null. */
    public String placeKey;
    /** The report's publication date (ISO), or null. */
    public String published;
    public long arrival;
    public String sourceReliability;
    public int corroboration;
    public double assessedConfidence;
    /** The core's {@link Event} as JSON ({@link Json#write}). */
    public String event;

    public EventRecord() {
    }

    public Event toEvent() {
        return Json.event(event);
    }

    /** What the state of the record says beyond the event, to tell an update from a repetition. */
    public String assessment() {
        return duplicateOf + "|" + corroboration + "|" + sourceReliability + "|" + assessedConfidence + "|" + storyId;
    }

    /** The published JSON: the contract's event fields (snake_case) and the job's. */
    public String toJson() {
        ObjectNode n = Json.published(toEvent());
        n.put("report_id", reportId);
        n.put("file", file);
        n.put("url", url);
        n.put("story", storyId);
        n.put("duplicate_of", duplicateOf);
        n.put("corroboration", corroboration);
        n.put("source_reliability", sourceReliability);
        n.put("assessed_confidence", assessedConfidence);
        n.put("place_key", placeKey);
        return Json.text(n);
    }
}
