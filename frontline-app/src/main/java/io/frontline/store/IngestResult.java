package io.frontline.store;

/** What happened to one report handed to the store. */
public record IngestResult(String reportId, boolean stored, int events) {
}
