package io.frontline.ingest;

import java.util.List;

/** The reports read from one input that holds many (a feed, a JSON lines file), and the parts refused. */
public record Reports(List<Report> reports, List<Problem> problems) {
    public Reports {
        reports = List.copyOf(reports);
        problems = List.copyOf(problems);
    }

    /** Something that could not be read: {@code name} is the input (with a line or item number), {@code reason} says why. */
    public record Problem(String name, String reason) {
    }
}
