package io.frontline.extract;

import io.frontline.text.Prefilter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds reported deaths in a sentence ("killing some 33 ISIS members", "32 ISIL fighters were killed",
 * "over 120 ISIL fighters and 35 pro-government fighters died", "the death toll rose to 40") and applies ACLED's
 * rule of the most conservative figure: "at least 40", "over 40" and "some 40" all count 40; vague amounts
 * follow {@link Numbers}. Wounded, captured and missing people are not counted.
 */
public final class Fatalities {
    /** One count with its offsets in the sentence text. */
    public record Count(int value, int start, int end, String text) {
    }

    private static final String NUM = "(\\d+\\s*(?:–|—|-|to)\\s*\\d+|between \\d+ and \\d+|\\d{1,3}(?:,\\d{3})+|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
            + "ninety|a dozen|dozens|tens|hundreds|scores|several|many|numerous|an?(?!\\s+number\\b))";
    private static final String QUALIFIER = "(?:(?:at least|some|about|around|approximately|nearly|almost|over|more than|up to|"
            + "roughly|an estimated|as many as|no fewer than|fewer than|less than|reportedly|another|a further|further|an additional)\\s+)?";
    private static final String VICTIM = "(?:fighters?|members?|militants?|soldiers?|troops|servicem[ae]n|personnel|people|persons?|"
            + "civilians?|children|women|men|residents|jihadists?|terrorists?|mercenaries|rebels?|insurgents?|combatants?|gunmen|"
            + "officers?|commanders?|leaders?|operatives?|officials?|emirs?|guards?|policem[ae]n|militiam[ae]n|attackers?|assailants?|bodies|others?|of them|"
            + "shepherds?|farmers?|workers?|herders?|students?|journalists?|doctors?|nurses?|teachers?|drivers?|"
            + "villagers?|passengers?|protesters?|demonstrators?|detainees?|prisoners?|family members|relatives|"
            + "(?:pro-)?government (?:fighters|forces|troops|soldiers)|loyalists)";
    private static final String MODS = "(?:[\\w'’-]+\\s+){0,4}?";
    /** "21 rebels (including a defected officer and a battalion commander) were killed": an aside in brackets. */
    private static final String BRACKETS = "(?:\\s*\\([^()]{1,80}\\))?";
    /** "... and a number of Army soldiers were killed": victims without a number add nothing to the count. */
    private static final String UNCOUNTED = "(?:\\s+and\\s+(?:a number of|an unknown number of)\\s+" + MODS + VICTIM + ")?";
    /** The words an active report of deaths opens with; the pattern and the prefilter's start words both come from here. */
    private static final String[] ACTIVE_VERBS = {"killing", "killed", "kill", "kills", "leaving", "left", "claiming the lives of",
            "claimed the lives of", "executing", "executed", "slaying", "slew", "deaths of", "death of"};
    private static final Pattern ACTIVE = Pattern.compile(
            "\\b(?:" + String.join("|", ACTIVE_VERBS) + ")\\s+"
                    + QUALIFIER + NUM + "\\s+" + MODS + VICTIM + "\\b(?!\\s+(?:wounded|injured))", Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSIVE = Pattern.compile(
            "\\b" + QUALIFIER + NUM + "\\s+" + MODS + VICTIM + BRACKETS + "(?:\\s+(?:and|,)\\s+" + QUALIFIER + NUM + "\\s+" + MODS + VICTIM + ")*" + UNCOUNTED
                    + "(?:\\s*,\\s*(?:including|among them|most of them|mostly)\\s+[^,;.]{1,40},)?"
                    + "\\s+(?:(?:were|was|had been|have been|being|are|got)\\s+)?(?:\\w+ly\\s+|reported\\s+|confirmed\\s+|said to have been\\s+|believed\\s+)?(?:killed|slain|executed|dead|beheaded|massacred)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIED = Pattern.compile(
            "\\b" + QUALIFIER + NUM + "\\s+" + MODS + VICTIM + BRACKETS + "(?:\\s+(?:and|,)\\s+" + QUALIFIER + NUM + "\\s+" + MODS + VICTIM + ")*"
                    + "\\s+(?:\\w+ly\\s+)?(?:died|perished|were dead|lost their lives)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEAD = Pattern.compile("\\b" + QUALIFIER + NUM + "\\s+(?:dead|killed|fatalities|fatality|deaths|death)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOLL = Pattern.compile("\\bdeath toll (?:rose to|reached|of|climbed to|stood at|stands at|at)\\s+"
            + QUALIFIER + NUM + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE_NUMBER = Pattern.compile("\\b" + QUALIFIER + NUM + "\\s+" + MODS + VICTIM, Pattern.CASE_INSENSITIVE);

    private static final Pattern APPOSITION = Pattern.compile("\\s*,\\s*(?:including|among them|most of them|mostly)\\s+[^,;.]{1,40},|\\s*\\([^()]{1,80}\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(?:between )?(\\d+)\\s*(?:–|—|-|to|and)\\s*(\\d+)");

    /** The patterns in the order they claim text; each is run only on a sentence holding one of its literal words. */
    private static final List<Pattern> ORDER = List.of(PASSIVE, DIED, ACTIVE, DEAD, TOLL);
    private static final Prefilter PREFILTER = Prefilter.of(ORDER);

    /**
     * Per pattern of {@link #ORDER}, words one of which every match begins with (ACTIVE's verbs, TOLL's "death toll"),
     * and words one of which every match ends with (the verbs of PASSIVE and DIED, the nouns of DEAD); null: unknown.
     * Strings of the patterns, ASCII lower case (the patterns are case-insensitive without UNICODE_CASE).
     */
    private static final String[][] STARTS = {null, null, ACTIVE_VERBS, null, {"death toll"}};
    private static final String[][] ENDS = {{"killed", "slain", "executed", "dead", "beheaded", "massacred"},
            {"died", "perished", "were dead", "lost their lives"}, null, {"dead", "killed", "fatalities", "fatality", "deaths", "death"},
            null};

    /** The first offset at which one of the words occurs, or -1. */
    private static int first(String lower, String[] words) {
        int at = -1;
        for (String w : words) {
            int i = lower.indexOf(w);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        return at;
    }

    /** The last offset at which an occurrence of one of the words ends, or -1. */
    private static int last(String lower, String[] words) {
        int end = -1;
        for (String w : words) {
            int i = lower.lastIndexOf(w);
            if (i >= 0) {
                end = Math.max(end, i + w.length());
            }
        }
        return end;
    }

    private Fatalities() {
    }

    public static List<Count> find(String sentence) {
        return find(sentence, true);
    }

    /** With {@code prefilter} false every pattern runs on the sentence (the reference for tests). */
    static List<Count> find(String sentence, boolean prefilter) {
        List<Count> out = new ArrayList<>();
        Prefilter.Check check = prefilter ? PREFILTER.check(sentence) : null;
        String lower = null;
        for (int i = 0; i < ORDER.size(); i++) {
            Pattern p = ORDER.get(i);
            if (check != null && !check.mayMatch(i)) {
                continue; // none of the words every match of p contains occurs in the sentence
            }
            Matcher m = p.matcher(sentence);
            if (check != null) {
                if (lower == null) {
                    lower = check.lower(); // the sentence lowered once, for the check and here
                }
                int from = STARTS[i] == null ? 0 : first(lower, STARTS[i]);
                int to = ENDS[i] == null ? sentence.length() : last(lower, ENDS[i]);
                if (from < 0 || to < 0) {
                    continue; // a word every match begins or ends with is missing
                }
                // every match lies within [from, to): find() there finds what it finds in the whole sentence
                // (transparent bounds: word boundaries and lookarounds see the text around)
                m.useTransparentBounds(true).useAnchoringBounds(false).region(from, to);
            }
            while (m.find()) {
                if (overlaps(out, m.start(), m.end())) {
                    continue;
                }
                int total = 0;
                if (p == PASSIVE || p == DIED) {
                    // "120 ISIL fighters and 35 pro-government fighters were killed": every number counts
                    // "six civilians, including three children, were killed": the apposition counts no one again
                    Matcher each = ONE_NUMBER.matcher(APPOSITION.matcher(m.group()).replaceAll(" "));
                    while (each.find()) {
                        total += valueOf(each.group(1));
                    }
                } else {
                    total = valueOf(m.group(1));
                }
                if (total > 0) {
                    out.add(new Count(total, m.start(), m.end(), m.group()));
                }
            }
        }
        return out;
    }

    public static int total(List<Count> counts) {
        return counts.stream().mapToInt(Count::value).sum();
    }

    private static int valueOf(String num) {
        String n = num.toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher range = RANGE.matcher(n);
        if (range.matches()) {
            return Integer.parseInt(range.group(1)); // "15–21 dead": the lower figure, as ACLED does
        }
        if (n.equals("a dozen")) {
            return 12;
        }
        Double v = Numbers.value(n);
        return v == null ? 0 : v.intValue();
    }

    private static boolean overlaps(List<Count> out, int s, int e) {
        for (Count c : out) {
            if (s < c.end() && c.start() < e) {
                return true;
            }
        }
        return false;
    }
}
