package io.frontline.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
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
public final class NameKey {
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

    private NameKey() {
    }

    private static final Set<String> GENERIC = Set.of("um", "tal", "jabal", "deir", "khirba", "kafr", "shaykh", "wadi",
            "qaryat", "mazraat", "mount");

    /** True when a key holds only generic words ("tal", "jabal khirba"): such a name alone is no place. */
    public static boolean isGenericOnly(String key) {
        int start = 0;
        while (start <= key.length()) {
            int sp = key.indexOf(' ', start);
            int end = sp < 0 ? key.length() : sp;
            if (end > start && !GENERIC.contains(key.substring(start, end))) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** The spelling-level key; empty when the name has no letters. */
    public static String key(String name) {
        return String.join(" ", keyWords(name));
    }

    /**
     * The words of the spelling-level key. Hand-written scanning instead of regular expressions (this runs for
     * every capitalised word of every report and every gazetteer lookup); {@code NameKeyEquivalenceTest} checks
     * it against the former regex implementation on every gazetteer name and corpus phrase.
     */
    private static List<String> keyWords(String name) {
        String s = lowerWithoutMarks(name);
        List<String> words = new ArrayList<>(4);
        int n = s.length();
        int i = 0;
        while (i < n) {
            // skip separators: anything but letters and numbers
            while (i < n) {
                int cp = s.codePointAt(i);
                if (isLetterOrNumber(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            int start = i;
            while (i < n) {
                int cp = s.codePointAt(i);
                if (!isLetterOrNumber(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            if (i > start) {
                String w = s.substring(start, i);
                if (!ARTICLES.contains(w)) {
                    w = WORDS.getOrDefault(w, w);
                    // an article glued to a later word where it assimilated: "Deir Ezzor"
                    if (!words.isEmpty() && assimilated(w)) {
                        w = w.substring(2);
                    }
                    words.add(w);
                }
            }
        }
        return words;
    }

    /** NFKD, marks (combining marks, apostrophes, ayn/hamza signs, quotes) removed, lower case (ROOT). */
    private static String lowerWithoutMarks(String name) {
        int n = name.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (name.charAt(i) >= 128) {
                ascii = false;
                break;
            }
        }
        if (ascii) { // NFKD leaves ASCII unchanged and ROOT lower case of ASCII is A-Z -> a-z
            char[] out = new char[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                char c = name.charAt(i);
                if (c == '\'' || c == '`' || c == '"') {
                    continue;
                }
                out[k++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            return new String(out, 0, k);
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!isMark(cp)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isMark(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK:
                return true;
            default:
                return cp == '\'' || cp == '’' || cp == '‘' || cp == '`' || cp == 'ʿ' || cp == 'ʾ' || cp == '"' || cp == '´';
        }
    }

    /** {@code \p{L}} or {@code \p{N}} as java.util.regex reads them. */
    private static boolean isLetterOrNumber(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }

    /** {@code ^[ae]([tdrzsnl])\1(?=[a-z]{2})}: "ezzor", "ar-rastan" written together. */
    private static boolean assimilated(String w) {
        if (w.length() < 5) {
            return false;
        }
        char a = w.charAt(0);
        char c = w.charAt(1);
        return (a == 'a' || a == 'e') && "tdrzsnl".indexOf(c) >= 0 && w.charAt(2) == c
                && isAsciiLower(w.charAt(3)) && isAsciiLower(w.charAt(4));
    }

    private static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** The sound-level key of a name (applies {@link #key(String)} first). */
    public static String phonetic(String name) {
        return phoneticOfWords(keyWords(name));
    }

    /** The spelling-level key and the sound-level key at once, normalising the name only once. */
    static String[] keyAndPhonetic(String name) {
        List<String> words = keyWords(name);
        return new String[] {String.join(" ", words), phoneticOfWords(words)};
    }

    private static String phoneticOfWords(List<String> words) {
        if (words.size() == 1) {
            return phoneticWord(words.get(0));
        }
        StringBuilder out = new StringBuilder();
        for (String w : words) {
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
        StringBuilder sb = new StringBuilder(phonetic.length());
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

    private static final String[] ENDINGS = {"iyyah", "iyyeh", "iyya", "iyah", "iyeh", "ieh", "iya", "iyye", "iye", "ia", "iah"};

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /**
     * The regex steps of the former implementation, each done as one left-to-right pass over a char buffer
     * (every step only shortens the word, so the passes run in place).
     */
    private static String phoneticWord(String w) {
        int n = w.length();
        for (int i = 0; i < n; i++) {
            if (w.charAt(i) >= 128) {
                return w; // Arabic script and other scripts: keep as spelled
            }
        }
        // (iyyah|iyyeh|iyya|iyah|iyeh|ieh|iya|iyye|iye|ia|iah)$ -> iya: the longest such suffix
        int cut = -1;
        for (String e : ENDINGS) {
            if (w.endsWith(e) && (cut < 0 || n - e.length() < cut)) {
                cut = n - e.length();
            }
        }
        char[] b;
        int len;
        if (cut >= 0) {
            b = new char[cut + 3];
            w.getChars(0, cut, b, 0);
            b[cut] = 'i';
            b[cut + 1] = 'y';
            b[cut + 2] = 'a';
            len = cut + 3;
        } else {
            b = w.toCharArray();
            len = n;
        }
        len = pair(b, len, 'o', 'u', 'u');
        len = pair(b, len, 'o', 'o', 'u');
        len = pair(b, len, 'e', 'e', 'i');
        len = pair(b, len, 'e', 'i', 'i');
        len = pair(b, len, 'e', 'y', 'i');
        len = diphthong(b, len, 'w', 'u'); // aw(?=[^aeiouy]|$) -> u
        len = diphthong(b, len, 'y', 'i'); // ay(?=[^aeiouy]|$) -> i
        for (int i = 0; i < len; i++) {
            char c = b[i];
            b[i] = c == 'o' ? 'u' : c == 'e' ? 'a' : c == 'q' ? 'k' : c;
        }
        len = pair(b, len, 'd', 'h', 'd');
        len = pair(b, len, 't', 'h', 't');
        len = pair(b, len, 'g', 'h', 'g');
        len = pair(b, len, 'k', 'h', 'k');
        // (?<=[aiu])h$ -> ""
        if (len >= 2 && b[len - 1] == 'h' && (b[len - 2] == 'a' || b[len - 2] == 'i' || b[len - 2] == 'u')) {
            len--;
        }
        // ([a-z])\1+ -> $1
        int k = 0;
        for (int i = 0; i < len; i++) {
            char c = b[i];
            if (k > 0 && c == b[k - 1] && c >= 'a' && c <= 'z') {
                continue;
            }
            b[k++] = c;
        }
        return new String(b, 0, k);
    }

    /** Replaces every non-overlapping {@code xy}, left to right, by {@code r}, in place; returns the new length. */
    private static int pair(char[] b, int len, char x, char y, char r) {
        int k = 0;
        int i = 0;
        while (i < len) {
            if (b[i] == x && i + 1 < len && b[i + 1] == y) {
                b[k++] = r;
                i += 2;
            } else {
                b[k++] = b[i++];
            }
        }
        return k;
    }

    /** Replaces {@code a} + {@code second} followed by a consonant or the end by {@code r}, in place. */
    private static int diphthong(char[] b, int len, char second, char r) {
        int k = 0;
        int i = 0;
        while (i < len) {
            if (b[i] == 'a' && i + 1 < len && b[i + 1] == second && (i + 2 == len || !isVowel(b[i + 2]))) {
                b[k++] = r;
                i += 2;
            } else {
                b[k++] = b[i++];
            }
        }
        return k;
    }
}
