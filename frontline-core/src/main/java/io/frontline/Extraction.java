package io.frontline;

import io.frontline.actors.CandidateActor;
import io.frontline.events.Claim;
import io.frontline.events.Event;
import io.frontline.ingest.Report;

import java.util.List;

/** What Frontline extracts from one report: the report as read, its events, its claims, and unknown armed groups. */
public record Extraction(Report report, List<Event> events, List<Claim> claims, List<CandidateActor> candidateActors) {
    public Extraction {
        events = List.copyOf(events);
        claims = List.copyOf(claims);
        candidateActors = List.copyOf(candidateActors);
    }
}
