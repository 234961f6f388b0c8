package io.frontline.ingest;

import io.frontline.text.CalendarDates;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline that opens a wire or agency story: "BEIRUT, March 23, 2017 (Reuters) - ...",
 * "DAMASCUS, Sept 14 (Reuters) – ...", "ALEPPO, Syria (AP) — ...", "BEIRUT (AP) — ...", "Deir Ezzor, SANA – ...".
 * It names where the story was filed (not where its events happened), the agency, and sometimes the date.
 *
 * @param place  the filing place as written
 * @param date   the date, when the dateline gives one with its year, else null
 * @param agency the agency, when named, else null
 * @param length how many characters of the paragraph the dateline takes
 */
public record Dateline(String place, LocalDate date, String agency, int length) {
    private static final Pattern OPENING = Pattern.compile(
            "^\\s*([A-Z][\\p{L}'.]*(?:[ -][A-Z][\\p{L}'.]*){0,3})\\s*(?:,\\s*([^()\\n–—-]{2,40}?)?\\s*(?:\\(([A-Z][^()\\n]{1,30})\\)\\s*)?"
                    + "|\\(([A-Z][^()\\n]{1,30})\\)\\s*)[-–—:]+\\s+");
    /** Agencies that sign datelines without brackets: "Damascus, SANA –". */
    private static final Set<String> AGENCIES = Set.of("sana", "afp", "ap", "reuters", "anha", "hawar", "anadolu", "aa",
            "tass", "sputnik", "xinhua", "irna", "tasnim", "fars", "dpa", "ansa", "upi", "efe", "amn", "smart", "qasioun",
            "enab baladi", "north press", "npa", "rudaw", "kurdistan24", "al-masdar", "al masdar", "ria novosti");

    /** "AFRIN - ANHA": a place in capitals and a known agency, on a line of their own. */
    private static final Pattern PLACE_AGENCY = Pattern.compile("^\\s*([A-Z][A-Z'. -]{1,30}?)\\s*[-–—/]\\s*([A-Za-z][\\w .-]{1,30}?)\\s*$");

    /** The dateline at the start of {@code paragraph}, if it has one. */
    public static Optional<Dateline> at(String paragraph) {
        if (paragraph.length() <= 64) {
            Matcher pa = PLACE_AGENCY.matcher(paragraph);
            if (pa.matches() && AGENCIES.contains(pa.group(2).toLowerCase(Locale.ROOT))) {
                return Optional.of(new Dateline(pa.group(1).strip(), null, pa.group(2), paragraph.length()));
            }
        }
        // a dateline is short: only the paragraph's opening is searched, so that a long run of blanks and dots after
        // "On Monday," cannot make the pattern backtrack for seconds
        Matcher m = OPENING.matcher(paragraph.length() > 160 ? paragraph.substring(0, 160) : paragraph);
        if (!m.find()) {
            return Optional.empty();
        }
        String place = m.group(1).strip();
        String middle = m.group(2) == null ? "" : m.group(2).strip();
        // "BEIRUT, March 23 (Reuters) -" or, without the comma, "BEIRUT (AP) —"
        String bracketed = m.group(3) != null ? m.group(3).strip() : m.group(4) != null ? m.group(4).strip() : null;
        if (middle.endsWith(",")) {
            middle = middle.substring(0, middle.length() - 1).strip();
        }
        Optional<LocalDate> date = CalendarDates.find(middle);
        boolean knownAgency = AGENCIES.contains(middle.toLowerCase(Locale.ROOT));
        boolean capitals = place.length() >= 3 && place.equals(place.toUpperCase(Locale.ROOT));
        String agency = bracketed != null ? bracketed : knownAgency ? middle : null;
        // a bracketed agency or a known one make it a dateline; otherwise a place in capitals followed by a date
        if (agency == null && !(capitals && (date.isPresent() || middle.matches("(?i).*\\b\\d{1,2}\\b.*")))) {
            return Optional.empty();
        }
        if (agency != null && !AGENCIES.contains(agency.toLowerCase(Locale.ROOT)) && !agency.matches("[A-Z][\\p{L}.&' -]{1,29}")) {
            return Optional.empty();
        }
        return Optional.of(new Dateline(place, date.orElse(null), agency, m.end()));
    }
}
