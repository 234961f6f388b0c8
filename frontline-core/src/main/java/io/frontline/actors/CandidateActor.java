package io.frontline.actors;

import io.frontline.text.Span;

/**
 * An organisation named like an armed group ("Liwa Suqour al-Sham", "the 93rd Brigade") that the registry
 * does not know: reported for review, with how often it occurs and where it first appears.
 */
public record CandidateActor(String name, int mentions, Span first, String rule) {
}
