package io.frontline.flink;

import io.frontline.ingest.Format;

import java.util.Objects;

/**
 * One input of the job before reading: a Kafka record (a JSON line) or a file of an archive (text, Markdown, a web
 * page, a feed or JSON lines). A Flink POJO.
 */
public class ReportInput {
    /** The input's name: {@code kafka:TOPIC/PARTITION/OFFSET} or the file's path. */
    public String name;
    public String content;
    /** A {@link Format} name. */
    public String format;

    public ReportInput() {
    }

    public ReportInput(String name, String content, Format format) {
        this.name = name;
        this.content = content;
        this.format = format.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportInput r && Objects.equals(name, r.name) && Objects.equals(content, r.content)
                && Objects.equals(format, r.format);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, content, format);
    }

    @Override
    public String toString() {
        return "ReportInput[" + name + ", " + format + "]";
    }
}
