package io.frontline.stories;

import io.frontline.ingest.Report;

import java.util.List;

/**
 * One story: the reports that are copies of one article (republished, or with other page furniture).
 *
 * @param id           {@code story-} and the id of the origin report
 * @param reports      its reports, in input order
 * @param origin       the report the story comes from: the one published by the source the others name as
 *                     original, else the earliest published, else the first read
 * @param originSource the named original source where a report names one, else the origin's publisher (may be null)
 */
public record Story(String id, List<Report> reports, Report origin, String originSource) {
    public Story {
        reports = List.copyOf(reports);
    }
}
