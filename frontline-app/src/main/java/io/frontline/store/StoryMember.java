package io.frontline.store;

import java.util.Map;

/**
 * A stored report's place in the stored story clusters (migration V6).
 *
 * @param ordinal      its place in the input order (ingest order; stories and corroboration read reports in it)
 * @param storyId      its story's id ({@code story-} and the origin report's id)
 * @param originId     the story's origin report
 * @param originSource the story's origin source (may be null)
 * @param summary      the report's summary as {@link EventStore#reports} lists it
 * @param url          the report's address, null when none
 */
public record StoryMember(String reportId, long ordinal, String storyId, String originId, String originSource,
                          Map<String, Object> summary, String url) {
}
