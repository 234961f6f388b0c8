package io.frontline.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that make an entry or a takeover a non-violent transfer of territory: "entered the city without resistance",
 * "took over the checkpoints under a Russian-brokered deal", "entered the district after the last rebel fighters left
 * it". A sentence that also tells of fighting ("after fierce clashes") is no such transfer.
 */
final class NonViolentTransfer {
    private static final Pattern CUE = Pattern.compile("(?i)\\b(?:"
            + "without (?:a |any )?(?:fight|fighting|resistance|clashes|a shot (?:being )?fired|firing a shot|bloodshed)"
            + "|under (?:a|an|the) (?:[\\w-]+ ){0,3}(?:deal|agreement|truce|ceasefire|settlement|reconciliation|arrangement|accord)"
            + "|(?:after|following|once|as) (?:the )?(?:last |remaining )?(?:[\\w-]+ ){0,3}(?:fighters|rebels|militants|forces|troops|gunmen|defenders|units)"
            + " (?:had )?(?:left|evacuated|were evacuated|had been evacuated|pulled out|handed (?:it |them )?over)"
            + "|handed over by)\\b");
    private static final Pattern FIGHTING = Pattern.compile("(?i)\\b(?:clashes|fighting|battles?|assault|offensive|attack|"
            + "stormed|shelling|bombardment|killed|killing)\\b");
    private static final Pattern NEGATED = Pattern.compile("(?i)\\bwithout (?:a |any )?$");

    private NonViolentTransfer() {
    }

    /** The words that say the place changed hands without fighting, or empty. */
    static Optional<String> cue(String sentence) {
        Matcher m = CUE.matcher(sentence);
        if (!m.find()) {
            return Optional.empty();
        }
        Matcher f = FIGHTING.matcher(sentence);
        while (f.find()) {
            if (!NEGATED.matcher(sentence.substring(Math.max(0, f.start() - 12), f.start())).find()) {
                return Optional.empty(); // "after heavy clashes, the rebels left": a capture
            }
        }
        return Optional.of(m.group());
    }
}
