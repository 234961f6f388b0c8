package io.frontline.store;

/**
 * What happened to one report handed to the store: stored, already present ({@code stored=false}), or refused by the
 * store ({@code refused}: why, naming the report's file; only {@link EventStore#saveAll} refuses instead of throwing).
 */
public record IngestResult(String reportId, boolean stored, int events, String refused) {
    public IngestResult(String reportId, boolean stored, int events) {
        this(reportId, stored, events, null);
    }

    static IngestResult refused(String reportId, String reason) {
        return new IngestResult(reportId, false, 0, reason);
    }
}
