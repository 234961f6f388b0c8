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
        if (isAscii(name)) {
            char[] key = new char[3 * name.length() + 8];
            return new String(key, 0, asciiKey(name, key));
        }
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
                addWord(words, s.substring(start, i));
            }
        }
        return words;
    }

    private static void addWord(List<String> words, String w) {
        if (!ARTICLES.contains(w)) {
            w = WORDS.getOrDefault(w, w);
            // an article glued to a later word where it assimilated: "Deir Ezzor"
            if (!words.isEmpty() && assimilated(w)) {
                w = w.substring(2);
            }
            words.add(w);
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
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
        if (isAscii(name)) {
            char[] key = new char[3 * name.length() + 8];
            int klen = asciiKey(name, key);
            char[] phon = new char[klen + klen / 2 + 2];
            return new String(phon, 0, phoneticOfKey(key, klen, phon));
        }
        return phoneticOfWords(keyWords(name));
    }

    /** The spelling-level key and the sound-level key at once, normalising the name only once. */
    static String[] keyAndPhonetic(String name) {
        if (isAscii(name)) {
            char[] key = new char[3 * name.length() + 8];
            int klen = asciiKey(name, key);
            char[] phon = new char[klen + klen / 2 + 2];
            int plen = phoneticOfKey(key, klen, phon);
            return new String[] {new String(key, 0, klen), new String(phon, 0, plen)};
        }
        List<String> words = keyWords(name);
        return new String[] {String.join(" ", words), phoneticOfWords(words)};
    }

    /**
     * The key of an ASCII name written into {@code out} (room for 3 chars per input char: "mt" becomes "jabal"),
     * words separated by one space, without creating strings: articles and generic words are found by their
     * letters packed into a long.
     */
    private static int asciiKey(String name, char[] out) {
        int n = name.length();
        int pos = 0;       // end of the key written so far
        int ws = -1;       // start of the word being read, -1 between words
        for (int i = 0; i <= n; i++) {
            char c = i < n ? name.charAt(i) : ' ';
            if (c == '\'' || c == '`' || c == '"') {
                continue; // a mark is removed before the name is split: "Mari'iyah" is one word
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (ws < 0) {
                    if (pos > 0) {
                        out[pos++] = ' ';
                    }
                    ws = pos;
                }
                out[pos++] = c;
                continue;
            }
            if (ws < 0) {
                continue;
            }
            // a word ends at out[ws, pos)
            long packed = pack(out, ws, pos);
            if (packed != 0 && ARTICLE_CODES.contains(packed)) {
                pos = ws == 0 ? 0 : ws - 1; // drop it and its separator
            } else {
                String repl = packed == 0 ? null : WORD_CODES.get(packed);
                if (repl != null) {
                    repl.getChars(0, repl.length(), out, ws);
                    pos = ws + repl.length();
                }
                if (ws > 0 && assimilated(out, ws, pos)) {
                    System.arraycopy(out, ws + 2, out, ws, pos - ws - 2);
                    pos -= 2;
                }
            }
            ws = -1;
        }
        return pos;
    }

    /** The letters of a short a-z word packed 5 bits each (0 when it cannot be an article or a generic word). */
    private static long pack(char[] b, int from, int to) {
        if (to - from > 12) {
            return 0;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = b[i];
            if (c < 'a' || c > 'z') {
                return 0;
            }
            v = (v << 5) | (c - 'a' + 1);
        }
        return v;
    }

    private static long pack(String w) {
        return pack(w.toCharArray(), 0, w.length());
    }

    private static final Set<Long> ARTICLE_CODES = codes(ARTICLES);
    private static final Map<Long, String> WORD_CODES = wordCodes();

    private static Set<Long> codes(Set<String> words) {
        Set<Long> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(pack(w));
        }
        return out;
    }

    private static Map<Long, String> wordCodes() {
        Map<Long, String> out = new java.util.HashMap<>();
        WORDS.forEach((k, v) -> {
            if (pack(k) != 0) { // "aïn" never survives NFKD and mark removal
                out.put(pack(k), v);
            }
        });
        return out;
    }

    /** {@link #assimilated(String)} on out[from, to). */
    private static boolean assimilated(char[] b, int from, int to) {
        if (to - from < 5) {
            return false;
        }
        char a = b[from];
        char c = b[from + 1];
        return (a == 'a' || a == 'e') && "tdrzsnl".indexOf(c) >= 0 && b[from + 2] == c
                && isAsciiLower(b[from + 3]) && isAsciiLower(b[from + 4]);
    }

    /** The phonetic key of an ASCII key (words separated by single spaces) written into dst; returns its length. */
    private static int phoneticOfKey(char[] key, int klen, char[] dst) {
        int at = 0;
        int from = 0;
        while (from < klen) {
            int to = from;
            while (to < klen && key[to] != ' ') {
                to++;
            }
            if (at > 0) {
                dst[at++] = ' ';
            }
            at = phoneticInto(key, from, to, dst, at);
            from = to + 1;
        }
        return at;
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

    private static String phoneticWord(String w) {
        int n = w.length();
        for (int i = 0; i < n; i++) {
            if (w.charAt(i) >= 128) {
                return w; // Arabic script and other scripts: keep as spelled
            }
        }
        char[] src = w.toCharArray();
        char[] dst = new char[n + 1];
        return new String(dst, 0, phoneticInto(src, 0, n, dst, 0));
    }

    private static boolean endsWith(char[] b, int from, int to, String e) {
        int l = e.length();
        if (to - from < l) {
            return false;
        }
        for (int i = 0; i < l; i++) {
            if (b[to - l + i] != e.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The phonetic form of the ASCII word src[from, to), written at dst[at] (room for one more char than the
     * word: "ia" becomes "iya"); returns the end. The regex steps of the former implementation, each done as one
     * left-to-right pass (every step after the ending only shortens the word, so the passes run in place).
     */
    private static int phoneticInto(char[] src, int from, int to, char[] dst, int at) {
        // (iyyah|iyyeh|iyya|iyah|iyeh|ieh|iya|iyye|iye|ia|iah)$ -> iya: the longest such suffix
        int cut = -1;
        char last = to > from ? src[to - 1] : 0;
        if (last == 'h' || last == 'a' || last == 'e') {
            for (String e : ENDINGS) {
                if (endsWith(src, from, to, e) && (cut < 0 || to - e.length() < cut)) {
                    cut = to - e.length();
                }
            }
        }
        int end;
        if (cut >= 0) {
            System.arraycopy(src, from, dst, at, cut - from);
            end = at + cut - from;
            dst[end++] = 'i';
            dst[end++] = 'y';
            dst[end++] = 'a';
        } else {
            System.arraycopy(src, from, dst, at, to - from);
            end = at + to - from;
        }
        end = pair(dst, at, end, 'o', 'u', 'u');
        end = pair(dst, at, end, 'o', 'o', 'u');
        end = pair(dst, at, end, 'e', 'e', 'i');
        end = pair(dst, at, end, 'e', 'i', 'i');
        end = pair(dst, at, end, 'e', 'y', 'i');
        end = diphthong(dst, at, end, 'w', 'u'); // aw(?=[^aeiouy]|$) -> u
        end = diphthong(dst, at, end, 'y', 'i'); // ay(?=[^aeiouy]|$) -> i
        for (int i = at; i < end; i++) {
            char c = dst[i];
            dst[i] = c == 'o' ? 'u' : c == 'e' ? 'a' : c == 'q' ? 'k' : c;
        }
        end = pair(dst, at, end, 'd', 'h', 'd');
        end = pair(dst, at, end, 't', 'h', 't');
        end = pair(dst, at, end, 'g', 'h', 'g');
        end = pair(dst, at, end, 'k', 'h', 'k');
        // (?<=[aiu])h$ -> ""
        if (end - at >= 2 && dst[end - 1] == 'h' && (dst[end - 2] == 'a' || dst[end - 2] == 'i' || dst[end - 2] == 'u')) {
            end--;
        }
        // ([a-z])\1+ -> $1
        int k = at;
        for (int i = at; i < end; i++) {
            char c = dst[i];
            if (k > at && c == dst[k - 1] && c >= 'a' && c <= 'z') {
                continue;
            }
            dst[k++] = c;
        }
        return k;
    }

    /** Replaces every non-overlapping {@code xy} in b[from, end), left to right, by {@code r}, in place; returns the new end. */
    private static int pair(char[] b, int from, int end, char x, char y, char r) {
        int i = from;
        while (i + 1 < end && (b[i] != x || b[i + 1] != y)) {
            i++; // most words hold no such pair: nothing to move
        }
        if (i + 1 >= end) {
            return end;
        }
        int k = i;
        while (i < end) {
            if (b[i] == x && i + 1 < end && b[i + 1] == y) {
                b[k++] = r;
                i += 2;
            } else {
                b[k++] = b[i++];
            }
        }
        return k;
    }

    /** Replaces {@code a} + {@code second} followed by a consonant or the end by {@code r}, in place. */
    private static int diphthong(char[] b, int from, int end, char second, char r) {
        int i = from;
        while (i + 1 < end && (b[i] != 'a' || b[i + 1] != second)) {
            i++;
        }
        if (i + 1 >= end) {
            return end;
        }
        int k = i;
        while (i < end) {
            if (b[i] == 'a' && i + 1 < end && b[i + 1] == second && (i + 2 == end || !isVowel(b[i + 2]))) {
                b[k++] = r;
                i += 2;
            } else {
                b[k++] = b[i++];
            }
        }
        return k;
    }
}
