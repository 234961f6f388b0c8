package io.frontline.events;

/**
 * A statement kept apart from the facts: a prediction ("will be liberated within a few weeks") or a claim
 * attributed to a party, with who said it and the evidence.
 */
public record Claim(String status, String attribution, String text, String subject, Evidence evidence) {
}
