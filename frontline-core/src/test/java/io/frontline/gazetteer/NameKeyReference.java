package io.frontline.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The original regex-based implementation of {@link NameKey}, kept as the oracle for {@code NameKeyEquivalenceTest}.
 *
 * Former javadoc:
 * Normalised keys for place names written in many transliterations of Arabic.
 *
 * <ul>
 *   <li>{@link #key(String)}: spelling-level: case, diacritics, ayn/hamza marks and apostrophes, hyphens,
 *   the article (al-, el-, ad-, ash- ... and assimilated forms like "ez-Zor"/"Ezzor") and generic words
 *   with many spellings (Umm/Um, Tal/Tell, Jabal/Jebel/Mount, Deir/Dayr, Khirbet/Khirbat ...).</li>
 *   <li>{@link #phonetic(String)}: sound-level, applied on top of the key: vowel variants (ou/u, ee/i, e/a,
 *   o/u), diphthongs before consonants (aw/o, ay/ei), the endings -iyah/-iya/-iyeh/-ieh, a final -h after a
 *   vowel, q/k, and doubled consonants.</li>
 *   <li>{@link #skeleton(String)}: the consonants of the phonetic key, used to find fuzzy candidates.</li>
 * </ul>
 * Arabic-script names pass through with their letters kept, so GeoNames' Arabic alternates match exactly.
 */
final class NameKeyReference {
    private static final Set<String> ARTICLES = Set.of("al", "el", "il", "ul", "ad", "ed", "ar", "er", "as", "es",
            "ash", "esh", "at", "et", "az", "ez", "an", "en", "adh", "ath", "l");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("umm", "um"), Map.entry("om", "um"), Map.entry("oum", "um"), Map.entry("omm", "um"),
            Map.entry("tall", "tal"), Map.entry("tell", "tal"), Map.entry("tel", "tal"), Map.entry("til", "tal"),
            Map.entry("jebel", "jabal"), Map.entry("jabel", "jabal"), Map.entry("jbel", "jabal"), Map.entry("jebal", "jabal"),
            Map.entry("mount", "jabal"), Map.entry("mountain", "jabal"), Map.entry("mt", "jabal"), Map.entry("mountains", "jabal"),
            Map.entry("dayr", "deir"), Map.entry("dair", "deir"), Map.entry("der", "deir"), Map.entry("deyr", "deir"),
            Map.entry("khirbat", "khirba"), Map.entry("khirbet", "khirba"), Map.entry("kherbet", "khirba"), Map.entry("khirbeh", "khirba"),
            Map.entry("kfar", "kafr"), Map.entry("kefr", "kafr"), Map.entry("kafar", "kafr"),
            Map.entry("ain", "ayn"), Map.entry("ein", "ayn"), Map.entry("aïn", "ayn"),
            Map.entry("abou", "abu"), Map.entry("sheikh", "shaykh"), Map.entry("shaikh", "shaykh"), Map.entry("sheik", "shaykh"),
            Map.entry("sheykh", "shaykh"), Map.entry("beer", "bir"), Map.entry("kasr", "qasr"),
            Map.entry("ibn", "bin"), Map.entry("ben", "bin"));
    private static final Pattern MARKS = Pattern.compile("[\\p{M}'’‘`ʿʾ\"´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ASSIMILATED = Pattern.compile("^[ae]([tdrzsnl])\\1(?=[a-z]{2})");

    private NameKeyReference() {
    }

    private static final Set<String> GENERIC = Set.of("um", "tal", "jabal", "deir", "khirba", "kafr", "shaykh", "wadi",
            "qaryat", "mazraat", "mount");

    /** True when a key holds only generic words ("tal", "jabal khirba"): such a name alone is no place. */
    public static boolean isGenericOnly(String key) {
        for (String w : key.split(" ")) {
            if (!w.isEmpty() && !GENERIC.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** The spelling-level key; empty when the name has no letters. */
    public static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : SEPARATORS.split(s)) {
            if (w.isEmpty() || ARTICLES.contains(w)) {
                continue;
            }
            words.add(WORDS.getOrDefault(w, w));
        }
        // an article glued to a later word where it assimilated: "Deir Ezzor"
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i > 0) {
                var m = ASSIMILATED.matcher(w);
                if (m.find()) {
                    words.set(i, w.substring(2));
                }
            }
        }
        return String.join(" ", words);
    }

    /** The sound-level key of a name (applies {@link #key(String)} first). */
    public static String phonetic(String name) {
        String k = key(name);
        StringBuilder out = new StringBuilder();
        for (String w : k.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(phoneticWord(w));
        }
        return out.toString();
    }

    /** Consonant skeleton of the phonetic key, spaces removed. */
    public static String skeleton(String name) {
        return skeletonOfPhonetic(phonetic(name));
    }

    static String skeletonOfPhonetic(String phonetic) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < phonetic.length(); i++) {
            char c = phonetic.charAt(i);
            if ("aeiouy ".indexOf(c) >= 0) {
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static final Pattern ENDING = Pattern.compile("(iyyah|iyyeh|iyya|iyah|iyeh|ieh|iya|iyye|iye|ia|iah)$");
    private static final Pattern AW = Pattern.compile("aw(?=[^aeiouy]|$)");
    private static final Pattern AY = Pattern.compile("ay(?=[^aeiouy]|$)");
    private static final Pattern FINAL_H = Pattern.compile("(?<=[aiu])h$");
    private static final Pattern DOUBLE = Pattern.compile("([a-z])\\1+");

    private static String phoneticWord(String w) {
        if (!w.chars().allMatch(c -> c < 128)) {
            return w; // Arabic script and other scripts: keep as spelled
        }
        String s = ENDING.matcher(w).replaceAll("iya");
        s = s.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ei", "i").replace("ey", "i");
        s = AY.matcher(AW.matcher(s).replaceAll("u")).replaceAll("i");
        s = s.replace('o', 'u').replace('e', 'a').replace('q', 'k');
        s = s.replace("dh", "d").replace("th", "t").replace("gh", "g").replace("kh", "k");
        s = FINAL_H.matcher(s).replaceAll("");
        return DOUBLE.matcher(s).replaceAll("$1");
    }
}
