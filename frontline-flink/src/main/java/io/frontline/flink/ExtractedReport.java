package io.frontline.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as extracted by the core, in the form the job passes between operators and keeps in state: the metadata
 * that stories and source assessment need, the body, its shingles (until the story is known) and the events and
 * claims as JSON ({@link Json}). A Flink POJO.
 */
public class ExtractedReport {
    public String reportId;
    public String file;
    public String title;
    public String publisher;
    public String originalSource;
    /** ISO date, or null. */
    public String published;
    public String url;
    public String body;
    /** The body's shingles ({@code io.frontline.stories.Shingles}); dropped once the story is known. */
    public long[] shingles;
    /** {@code story-} and the id of the story's first report; set by {@link StoryIndexFunction}. */
    public String storyId;
    /** The order in which the story index saw the report (0, 1, ...); set by {@link StoryIndexFunction}. */
    public long arrival;
    public List<String> events = new ArrayList<>();
    public List<String> claims = new ArrayList<>();

    public ExtractedReport() {
    }
}
