package io.frontline.extract;

import io.frontline.text.Sentence;
import io.frontline.text.Span;
import io.frontline.text.Token;

import java.util.Set;

/**
 * The object of an event verb when it names no place: "captured another 11 villages", "took control of a village
 * near X", "overran large areas east of Y", "seized two hills and a checkpoint". Such an event is placed at its
 * reference point, but the reference point itself did not change hands: the places that did are unnamed.
 * A definite object ("the village", "the villages") stands for places named before and is not unnamed.
 */
public final class UnnamedPlaces {
    /** Words that may stand between the verb and its object: "took control of", "took over", "full control of". */
    private static final Set<String> VERB_PARTICLES = words("control of over full complete back up total effective");
    /** Bounds before a count: "nearly 250 villages", "at least two villages". */
    private static final Set<String> BOUNDS = words("nearly about around some over almost approximately roughly up to at least more than less "
            + "fewer another a an further additional other half dozen several few many numerous multiple "
            + "various dozens tens scores hundreds number series string handful couple large vast wide "
            + "swathes swaths most much small nearby surrounding adjacent neighbouring neighboring "
            + "strategic key new remaining two three four five six seven eight nine ten eleven twelve one "
            + "twenty thirty forty fifty mountain military tiny farm border rural populated desert "
            + "government-held rebel-held isil-held isis-held regime-held opposition-held sdf-held "
            + "kurdish-held is-held of held isil isis is rebel regime government opposition sdf kurdish");
    /** The nouns of unnamed places. */
    private static final Set<String> PLACE_NOUNS = words("village villages town towns hamlet hamlets hill hills hilltop hilltops height heights "
            + "point points position positions farm farms area areas checkpoint checkpoints outpost "
            + "outposts settlement settlements locality localities post posts building buildings "
            + "neighbourhood neighbourhoods neighborhood neighborhoods district districts mountains peaks "
            + "peak territory territories swathes swaths ridges ridge oilfield oilfields oil fields "
            + "blocks block streets quarters sites bases base");
    /** The first word of an unnamed object: indefinite or counted, never "the". */
    private static final Set<String> OPENERS = words("a an another several some few many numerous multiple various dozens tens scores hundreds "
            + "nearly about around over almost approximately roughly up at more half large vast wide "
            + "swathes swaths further additional other most much two three four five six seven eight nine "
            + "ten eleven twelve one twenty thirty forty fifty");

    private UnnamedPlaces() {
    }

    private static Set<String> words(String spaced) {
        return Set.of(spaced.split(" "));
    }

    /**
     * The unnamed object of the verb ending just before token {@code from}, or null: its words, from the first
     * counted or indefinite word to the last place noun ("another 11 villages", "two villages and two mountain points").
     */
    public static Span find(Sentence s, int from) {
        int k = from;
        int particles = 0;
        while (k < s.size() && particles < 3 && VERB_PARTICLES.contains(s.token(k).lower())) {
            k++;
            particles++;
        }
        if (k >= s.size()) {
            return null;
        }
        Token first = s.token(k);
        if (!(OPENERS.contains(first.lower()) || first.kind() == Token.Kind.NUMBER)
                || first.is("at") && !(k + 1 < s.size() && s.token(k + 1).is("least"))
                || first.is("up") && !(k + 1 < s.size() && s.token(k + 1).is("to"))) {
            return null; // "at" and "up" open only "at least N", "up to N"
        }
        int end = -1;
        int i = k;
        // one or two coordinated noun phrases: "two villages and two mountain points", "a village and a hill"
        for (int phrase = 0; phrase < 2 && i < s.size(); phrase++) {
            int words = 0;
            int noun = -1;
            while (i < s.size() && words < 7) {
                Token t = s.token(i);
                if (PLACE_NOUNS.contains(t.lower())) {
                    noun = i;
                    i++;
                    words++;
                    if (i < s.size() && PLACE_NOUNS.contains(s.token(i).lower())) {
                        continue; // "mountain points", "oil fields"
                    }
                    break;
                }
                if (t.kind() == Token.Kind.NUMBER || BOUNDS.contains(t.lower()) || t.is("-")) {
                    i++;
                    words++;
                    continue;
                }
                break;
            }
            if (noun < 0) {
                break;
            }
            end = noun;
            if (i + 1 < s.size() && s.token(i).is("and") && (OPENERS.contains(s.token(i + 1).lower())
                    || s.token(i + 1).kind() == Token.Kind.NUMBER)) {
                i++;
            } else {
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        // "a village of X" names it after all; "a number of" is a count, not a place
        if (end + 1 < s.size() && s.token(end + 1).is("of") && end + 2 < s.size() && s.token(end + 2).isCapitalised()) {
            return null;
        }
        return new Span(first.start(), s.token(end).end());
    }
}
