package io.frontline.flink;

/**
 * A change of a place's control timeline: a state that is new or different from what was published for the place
 * and date before ({@code withdrawn} when a later report removed a state, e.g. one dated only to a month that a report
 * dated to the day overrides). {@link #changeId} ({@code PLACE_KEY@FROM}) is the key of the Kafka record and of the
 * row. A Flink POJO.
 */
public class ControlChange {
    public String changeId;
    public String placeKey;
    /** The date the state begins (ISO). */
    public String from;
    public boolean withdrawn;
    /** The state as the JSON of {@code frontline control --format json}'s places (snake_case). */
    public String state;

    public ControlChange() {
    }

    public ControlChange(String placeKey, String from, boolean withdrawn, String state) {
        this.changeId = placeKey + "@" + from;
        this.placeKey = placeKey;
        this.from = from;
        this.withdrawn = withdrawn;
        this.state = state;
    }

    public String toJson() {
        return state;
    }
}
