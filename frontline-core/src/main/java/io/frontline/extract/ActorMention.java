package io.frontline.extract;

import io.frontline.actors.Actor;
import io.frontline.text.Span;

/**
 * An actor named in a sentence.
 *
 * @param actor     the registry actor, or null while a generic reference ({@code reference}) awaits context
 * @param reference null for a named actor; {@code @enemy} or {@code @state} for a generic one
 * @param modifier  how the name is used inside a word: {@code held} ("ISIS-held"), {@code led}, {@code backed}
 *                  ..., or null for a plain mention
 * @param rule      the lexicon entry that fired, e.g. {@code actor-alias:Syrian Arab Army}
 */
public record ActorMention(Span span, int firstToken, int lastToken, String text, Actor actor, String reference,
                           String modifier, String rule) {

    public boolean isGeneric() {
        return reference != null;
    }

    public ActorMention resolved(Actor a, String how) {
        return new ActorMention(span, firstToken, lastToken, text, a, null, modifier, rule + " -> " + how);
    }
}
