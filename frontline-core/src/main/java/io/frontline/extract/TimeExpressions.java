package io.frontline.extract;

import io.frontline.text.CalendarDates;
import io.frontline.text.Months;
import io.frontline.text.Prefilter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the time expressions of a sentence against the report's time line: calendar dates with or
 * without a year ("on 13 September", year from context), parts of months ("in late August"), bounds
 * ("by 31 August"), ranges ("between 6 and 14 November"), weekdays and "yesterday" (anchored on the
 * publication date), and relative days ("the next day", "later that day") anchored on the narrative date.
 * Precision follows ACLED: 1 the day, 2 within a week or a stated bound, 3 within a month.
 */
public final class TimeExpressions {

    /** A resolved date, where in the sentence it was written, and whether it is relative to the narrative. */
    public record When(LocalDate date, int precision, int start, int end, String rule) {
    }

    /** What dates in a sentence are resolved against. */
    /**
     * No year known: neither written in the text nor given by a publication date. A day written without its year then
     * dates nothing (the clock of the machine running the extraction is no evidence).
     */
    public static final int UNKNOWN_YEAR = -1;

    public record Context(LocalDate published, LocalDate narrative, int year, LocalDate periodStart, LocalDate periodEnd) {
        public Context(LocalDate published, LocalDate narrative, int year) {
            this(published, narrative, year, null, null);
        }

        /** The year of a date written without one: the context's, else that of {@code d}, else {@link #UNKNOWN_YEAR}. */
        public int yearOr(LocalDate d) {
            return year > 0 ? year : d != null ? d.getYear() : UNKNOWN_YEAR;
        }
    }

    private static final String M = "(" + Months.PATTERN + ")";
    private static final String D = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String Y = "(?:,?\\s+(\\d{4}))?";
    private static final Pattern RANGE = Pattern.compile("\\b(?:between|from)\\s+" + D + "\\s+(?:and|to|-|–)\\s+" + D + "\\s+" + M + Y, Pattern.CASE_INSENSITIVE);
    /** "between 26 January and 12 February 2017": the year written at the end is the start's too. */
    private static final Pattern DAY_MONTH_RANGE = Pattern.compile("\\b(?:between|from)\\s+" + D + "\\s+" + M + "(?:,?\\s+(\\d{4}))?\\s+(?:and|to|until|through|-|–)\\s+" + D + "\\s+" + M + Y, Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE_DASH = Pattern.compile("\\b" + D + "\\s*[-–]\\s*" + D + "\\s+" + M + Y, Pattern.CASE_INSENSITIVE);
    private static final Pattern DMY = Pattern.compile("\\b(by|until|till|since|before|after|as of|on|in)?\\s*(?:the\\s+)?" + D + "\\s+(?:of\\s+)?" + M + Y + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MDY = Pattern.compile("\\b(by|until|till|since|before|after|as of|on|in)?\\s*" + M + "\\s+" + D + "\\b" + Y, Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_RANGE = Pattern.compile("\\b(?:between|from)\\s+" + M + "(?:,?\\s+(\\d{4}))?\\s+(?:and|to|until|through|-|–)\\s+" + M + Y + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("\\b(early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)[\\s-]+" + M + Y, Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH = Pattern.compile("\\b(in|during|throughout|by|since|until)\\s+" + M + Y + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_DAY = Pattern.compile("\\b(the (?:next|following) (?:day|morning|evening|night)|a day later|the day after|the next morning|the following morning|overnight)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAYS_LATER = Pattern.compile("\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|\\d{1,2}) days later\\b", Pattern.CASE_INSENSITIVE);
    /** A later point within one sentence: "...; 13 days later it was reported", "..., but took it back the next day". */
    private static final Pattern FOLLOW_UP = Pattern.compile("\\b(?:(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|\\d{1,2}) days later|(a week later|a month later)|(the (?:next|following) (?:day|morning|evening|night)|a day later|the day after))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAME_DAY = Pattern.compile("\\b(the same day|later (?:that|in the|on the) day|that (?:day|evening|night|morning|afternoon)|in the (?:evening|morning|afternoon)|later that day|earlier that day|at the same time|meanwhile)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:on|last|this|late|early)?\\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YESTERDAY = Pattern.compile("\\b(yesterday|today|this morning|last night|tonight|last week|this week|earlier this week|in recent days|over the past (?:few )?days|recently)\\b", Pattern.CASE_INSENSITIVE);

    /** Each pattern is run only on a sentence holding one of its literal words (the month names for most). */
    private static final List<Pattern> PATTERNS = List.of(RANGE, RANGE_DASH, MONTH_RANGE, DMY, MDY, PART, MONTH, NEXT_DAY, DAYS_LATER,
            FOLLOW_UP, SAME_DAY, WEEKDAY, YESTERDAY, DAY_MONTH_RANGE);
    private static final Prefilter PREFILTER = Prefilter.of(PATTERNS);
    /** Per pattern, the strings every match begins with (null: unknown): the single-match patterns are tried only there. */
    private static final String[][] STARTS = PATTERNS.stream().map(Prefilter::starts).toArray(String[][]::new);

    private TimeExpressions() {
    }

    /** False when the pattern certainly does not match the sentence the check was made for (no check: may match). */
    private static boolean may(Prefilter.Check check, Pattern p) {
        return check == null || check.mayMatch(PATTERNS.indexOf(p));
    }

    /**
     * The first match of the pattern in the sentence as {@code find()} finds it, or null; with a check, tried only at
     * the offsets where a string the pattern's matches begin with occurs.
     */
    private static Matcher first(Pattern p, String s, Prefilter.Check check) {
        if (check == null) {
            Matcher m = p.matcher(s);
            return m.find() ? m : null;
        }
        return Prefilter.first(p, s, check.lower(), STARTS[PATTERNS.indexOf(p)]);
    }

    /** The first time expression of the sentence, resolved; empty when it has none. */
    public static Optional<When> find(String s, Context ctx) {
        return find(s, ctx, true);
    }

    /** With {@code prefilter} false every pattern runs on the sentence (the reference for tests). */
    static Optional<When> find(String s, Context ctx, boolean prefilter) {
        Prefilter.Check check = prefilter ? PREFILTER.check(s) : null;
        for (Finder f : FINDERS) {
            Optional<When> w = f.find(s, ctx, check);
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    /**
     * Later points of time written after {@code from} in the same sentence, each counted from the one before it
     * (starting at {@code base}): "On 12 March, X; 13 days later Y" dates Y on 25 March.
     */
    public static List<When> followUps(String s, int from, LocalDate base) {
        return followUps(s, from, base, true);
    }

    static List<When> followUps(String s, int from, LocalDate base, boolean prefilter) {
        List<When> out = new java.util.ArrayList<>();
        if (prefilter && from < s.length() && !anyAfter(Prefilter.asciiLower(s), FOLLOW_UP_WORDS, from)) {
            return out;
        }
        Matcher m = FOLLOW_UP.matcher(s);
        LocalDate d = base;
        int at = from;
        while (at < s.length() && m.find(at)) {
            if (m.group(1) != null) {
                d = d.plusDays(Numbers.value(m.group(1)).intValue());
                out.add(new When(d, 1, m.start(), m.end(), "days-later"));
            } else if (m.group(2) != null) {
                d = m.group(2).toLowerCase(java.util.Locale.ROOT).contains("week") ? d.plusDays(7) : d.plusMonths(1);
                out.add(new When(d, m.group(2).toLowerCase(java.util.Locale.ROOT).contains("week") ? 2 : 3, m.start(), m.end(), "later"));
            } else {
                d = d.plusDays(1);
                out.add(new When(d, 1, m.start(), m.end(), "next-day"));
            }
            at = m.end();
        }
        return out;
    }

    /**
     * Strings one of which every match of FOLLOW_UP contains: "later" (the first two alternatives), the third's words.
     * Finer than the prefilter's strings, whose "the " is in nearly every sentence.
     */
    private static final String[] FOLLOW_UP_WORDS = {"later", "the next ", "the following ", "the day after"};

    /** True when one of the strings occurs in the lowered text at or after {@code from}. */
    private static boolean anyAfter(String lower, String[] words, int from) {
        for (String w : words) {
            if (lower.indexOf(w, from) >= 0) {
                return true;
            }
        }
        return false;
    }

    private interface Finder {
        Optional<When> find(String s, Context ctx, Prefilter.Check check);
    }

    private static final List<Finder> FINDERS = List.of(TimeExpressions::range, TimeExpressions::monthRange, TimeExpressions::calendar, TimeExpressions::part,
            TimeExpressions::month, TimeExpressions::relative, TimeExpressions::deictic);

    private static Optional<When> range(String s, Context ctx, Prefilter.Check check) {
        if (may(check, DAY_MONTH_RANGE)) {
            Matcher m = DAY_MONTH_RANGE.matcher(s);
            while (m.find()) {
                if (!isMonthWord(m.group(2)) || !isMonthWord(m.group(5))) {
                    continue;
                }
                int from = Months.month(m.group(2));
                boolean yearWritten = m.group(3) != null || m.group(6) != null;
                int year = startYear(m.group(3), m.group(6), from, Months.month(m.group(5)), ctx);
                Optional<LocalDate> d = CalendarDates.of(year, from, Integer.parseInt(m.group(1)));
                if (d.isPresent()) {
                    return Optional.of(new When(fixYear(d.get(), yearWritten, ctx), 2, m.start(), m.end(), "date-range"));
                }
            }
        }
        int[] window = null;
        for (Pattern p : List.of(RANGE, RANGE_DASH)) {
            if (!may(check, p)) {
                continue;
            }
            if (window == null && check != null) {
                window = dateWindow(s, check);
            }
            Matcher m = nearDigits(p, s, window);
            if (m != null && m.find()) {
                int month = Months.month(m.group(3));
                int year = m.group(4) != null ? Integer.parseInt(m.group(4)) : ctx.yearOr(ctx.published());
                Optional<LocalDate> d = year == UNKNOWN_YEAR ? Optional.empty() : CalendarDates.of(year, month, Integer.parseInt(m.group(1)));
                if (d.isPresent()) {
                    return Optional.of(new When(fixYear(d.get(), m.group(4) != null, ctx), 2, m.start(), m.end(), "date-range"));
                }
            }
        }
        return Optional.empty();
    }

    /** "Between January and April 2017", "from May to July": a period of months, dated in its first month. */
    private static Optional<When> monthRange(String s, Context ctx, Prefilter.Check check) {
        if (!may(check, MONTH_RANGE)) {
            return Optional.empty();
        }
        Matcher m = MONTH_RANGE.matcher(s);
        while (m.find()) {
            if (!isMonthWord(m.group(1)) && !isMonthWord(m.group(3))) {
                continue; // "from May to July" has one unambiguous month
            }
            int from = Months.month(m.group(1));
            boolean yearWritten = m.group(2) != null || m.group(4) != null;
            int year = startYear(m.group(2), m.group(4), from, Months.month(m.group(3)), ctx);
            if (year == UNKNOWN_YEAR) {
                return Optional.empty();
            }
            LocalDate d = LocalDate.of(year, from, 15);
            return Optional.of(new When(fixYear(d, yearWritten, ctx), 3, m.start(), m.end(), "month-range"));
        }
        return Optional.empty();
    }

    /**
     * The year a range starts in: its own written year, else the year written at its end (one earlier when the range
     * crosses New Year: "between November and February 2015" starts in 2014), else the context's year.
     */
    private static int startYear(String startYearText, String endYearText, int fromMonth, int toMonth, Context ctx) {
        if (startYearText != null) {
            return Integer.parseInt(startYearText);
        }
        if (endYearText != null) {
            return Integer.parseInt(endYearText) - (fromMonth > toMonth ? 1 : 0);
        }
        return ctx.yearOr(ctx.published());
    }

    private static Optional<When> calendar(String s, Context ctx, Prefilter.Check check) {
        if (!may(check, DMY) && !may(check, MDY)) {
            return Optional.empty();
        }
        int[] window = dateWindow(s, check);
        Matcher a = nearDigits(DMY, s, window);
        Matcher b = nearDigits(MDY, s, window);
        if (a == null) {
            return Optional.empty(); // both need a day number
        }
        boolean fa = may(check, DMY) && a.find();
        boolean fb = may(check, MDY) && b.find();
        while (fb && !isMonthWord(b.group(2)) && !Character.isUpperCase(b.group(2).charAt(0))) {
            // "may 22" could be the verb; "On May 22", capitalised before a day, is the month
            fb = b.find();
        }
        if (!fa && !fb) {
            return Optional.empty();
        }
        Matcher m;
        int day;
        int month;
        String yearText;
        if (fa && (!fb || a.start() <= b.start())) {
            m = a;
            day = Integer.parseInt(a.group(2));
            month = Months.month(a.group(3));
            yearText = a.group(4);
        } else {
            m = b;
            month = Months.month(b.group(2));
            day = Integer.parseInt(b.group(3));
            yearText = b.group(4);
        }
        int year = yearText != null ? Integer.parseInt(yearText) : ctx.yearOr(ctx.published());
        Optional<LocalDate> d = year == UNKNOWN_YEAR ? Optional.empty() : CalendarDates.of(year, month, day);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        String prep = m.group(1) == null ? "" : m.group(1).toLowerCase(java.util.Locale.ROOT);
        int precision = prep.equals("by") || prep.equals("until") || prep.equals("till") || prep.equals("before") ? 2 : 1;
        return Optional.of(new When(fixYear(d.get(), yearText != null, ctx), precision, m.start(), m.end(),
                precision == 1 ? "calendar-date" : "date-bound:" + prep));
    }

    /**
     * A matcher of a pattern every match of which holds a digit no more than {@link #BEFORE_DIGIT} characters other
     * than blanks after its start (RANGE, RANGE_DASH, DMY, MDY: a preposition, "the" or a month name, then the day),
     * and a month name no more than {@link #BEFORE_DIGIT} such characters after its start and
     * {@link #AFTER_MONTH} before its end, searching only there ({@code window}, see {@link #dateWindow}): no match can
     * begin earlier or end later, so {@code find()} finds what it finds in the whole sentence (transparent bounds: word
     * boundaries see the text around). Null when no match is possible (no digit, no month name). Without a prefilter
     * check (the reference for tests), the matcher of the whole sentence.
     */
    private static Matcher nearDigits(Pattern p, String s, int[] window) {
        if (window == null) {
            return p.matcher(s);
        }
        if (window[0] >= window[1]) {
            return null;
        }
        Matcher m = p.matcher(s);
        if (window[0] > 0 || window[1] < s.length()) {
            m.useTransparentBounds(true).useAnchoringBounds(false).region(window[0], window[1]);
        }
        return m;
    }

    /**
     * Where a match of RANGE, RANGE_DASH, DMY or MDY may lie, {from, to} (from >= to: nowhere): from the first digit
     * and from the first month name, {@link #BEFORE_DIGIT} non-blank characters back (the later of the two), to
     * {@link #AFTER_MONTH} non-blank characters after the start of the last month name. Month names are found by the
     * three letters each one begins with. Null without a check (no window: the whole sentence).
     */
    private static int[] dateWindow(String s, Prefilter.Check check) {
        if (check == null) {
            return null;
        }
        int n = s.length();
        int d = 0;
        while (d < n && (s.charAt(d) < '0' || s.charAt(d) > '9')) {
            d++;
        }
        String lower = check.lower();
        int firstMonth = -1;
        int lastMonth = -1;
        for (String m : MONTH_PREFIXES) {
            int i = lower.indexOf(m);
            if (i >= 0) {
                firstMonth = firstMonth < 0 ? i : Math.min(firstMonth, i);
                lastMonth = Math.max(lastMonth, lower.lastIndexOf(m));
            }
        }
        if (d == n || firstMonth < 0) {
            return new int[] {0, 0};
        }
        int to = lastMonth;
        for (int count = 0; to < n && count < AFTER_MONTH; to++) {
            if (!blank(s.charAt(to))) {
                count++;
            }
        }
        return new int[] {Math.max(back(s, d), back(s, firstMonth)), to};
    }

    /** The offset {@link #BEFORE_DIGIT} non-blank characters before {@code at} (or 0). */
    private static int back(String s, int at) {
        int from = at;
        for (int count = 0; from > 0 && count < BEFORE_DIGIT; ) {
            if (!blank(s.charAt(--from))) {
                count++;
            }
        }
        return from;
    }

    /** The blanks of {@code \\s} (without UNICODE_CHARACTER_CLASS). */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The three letters every month name and abbreviation of {@link Months#PATTERN} begins with. */
    private static final String[] MONTH_PREFIXES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    /**
     * More than the non-blank characters of a match from the start of its month name on: the name with its dot
     * ("September.", 10), then at most a day with its suffix (MDY, 4) and ", 2016" (5).
     */
    private static final int AFTER_MONTH = 32;

    /**
     * More than the longest start before the day: "before the" (9), "before September." (16); and before the month
     * name: "between 16th and 24th " (17).
     */
    private static final int BEFORE_DIGIT = 24;

    private static boolean isMonthWord(String w) {
        return Months.month(w) > 0 && !(w.equalsIgnoreCase("may") || w.equalsIgnoreCase("mar"));
    }

    private static Optional<When> part(String s, Context ctx, Prefilter.Check check) {
        if (!may(check, PART)) {
            return Optional.empty();
        }
        Matcher m = first(PART, s, check);
        if (m == null) {
            return Optional.empty();
        }
        int month = Months.month(m.group(2));
        int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : ctx.yearOr(ctx.published());
        if (year == UNKNOWN_YEAR) {
            return Optional.empty();
        }
        String p = m.group(1).toLowerCase(java.util.Locale.ROOT);
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate d = switch (p) {
            case "early", "the beginning of", "the start of" -> first.plusDays(4);
            case "late", "the end of" -> first.withDayOfMonth(first.lengthOfMonth() - 5);
            case "the first half of" -> first.plusDays(7);
            case "the second half of" -> first.plusDays(22);
            default -> first.plusDays(14);
        };
        return Optional.of(new When(fixYear(d, m.group(3) != null, ctx), 3, m.start(), m.end(), "month-part:" + p));
    }

    private static Optional<When> month(String s, Context ctx, Prefilter.Check check) {
        if (!may(check, MONTH)) {
            return Optional.empty();
        }
        Matcher m = MONTH.matcher(s);
        while (m.find()) {
            if (!isMonthWord(m.group(2)) && !m.group(2).equals("May")) {
                continue; // "in May" with its capital after a preposition is the month, not the verb
            }
            int month = Months.month(m.group(2));
            int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : ctx.yearOr(ctx.published());
            if (year == UNKNOWN_YEAR) {
                return Optional.empty();
            }
            LocalDate d = LocalDate.of(year, month, 15);
            return Optional.of(new When(fixYear(d, m.group(3) != null, ctx), 3, m.start(), m.end(), "month"));
        }
        return Optional.empty();
    }

    private static Optional<When> relative(String s, Context ctx, Prefilter.Check check) {
        if (ctx.narrative() == null) {
            return Optional.empty();
        }
        Matcher m;
        if (may(check, NEXT_DAY) && (m = first(NEXT_DAY, s, check)) != null) {
            return Optional.of(new When(ctx.narrative().plusDays(1), 1, m.start(), m.end(), "next-day"));
        }
        if (may(check, DAYS_LATER) && (m = first(DAYS_LATER, s, check)) != null) {
            int n = Numbers.value(m.group(1)).intValue();
            return Optional.of(new When(ctx.narrative().plusDays(n), 1, m.start(), m.end(), "days-later"));
        }
        if (may(check, SAME_DAY) && (m = first(SAME_DAY, s, check)) != null) {
            return Optional.of(new When(ctx.narrative(), 1, m.start(), m.end(), "same-day"));
        }
        return Optional.empty();
    }

    private static Optional<When> deictic(String s, Context ctx, Prefilter.Check check) {
        if (ctx.published() == null) {
            return Optional.empty();
        }
        Matcher m;
        if (may(check, WEEKDAY) && (m = first(WEEKDAY, s, check)) != null) {
            DayOfWeek dow = DayOfWeek.of(Months.weekday(m.group(1)));
            LocalDate d = ctx.published().with(TemporalAdjusters.previousOrSame(dow));
            return Optional.of(new When(d, 1, m.start(), m.end(), "weekday"));
        }
        if (may(check, YESTERDAY) && (m = first(YESTERDAY, s, check)) != null) {
            String w = m.group(1).toLowerCase(java.util.Locale.ROOT);
            LocalDate p = ctx.published();
            return Optional.of(switch (w) {
                case "yesterday", "last night" -> new When(p.minusDays(1), 1, m.start(), m.end(), "yesterday");
                case "today", "this morning", "tonight" -> new When(p, 1, m.start(), m.end(), "today");
                default -> new When(p, 2, m.start(), m.end(), "recent:" + w);
            });
        }
        return Optional.empty();
    }

    /**
     * A date written without a year: in a narrative, a date months before the current one has moved into the
     * next year ("On 8 January" after "On 31 December"); otherwise it must not fall after the publication date.
     */
    private static LocalDate fixYear(LocalDate d, boolean yearWritten, Context ctx) {
        if (yearWritten) {
            return d;
        }
        if (ctx.narrative() != null) {
            LocalDate inYear = d.withYear(ctx.narrative().getYear());
            LocalDate byNarrative = inYear.isBefore(ctx.narrative().minusDays(120)) ? inYear.plusYears(1) : inYear;
            // after a flashback ("On 25 November 2013, ..."), a date that fits the period the report covers is in it
            if (ctx.periodStart() != null && ctx.periodEnd() != null && !within(byNarrative, ctx)) {
                for (int y = ctx.periodStart().getYear(); y <= ctx.periodEnd().getYear(); y++) {
                    LocalDate inPeriod = d.withYear(y);
                    if (within(inPeriod, ctx)) {
                        return inPeriod;
                    }
                }
            }
            if (ctx.published() != null && byNarrative.isAfter(ctx.published().plusDays(1))
                    && !byNarrative.minusYears(1).isBefore(ctx.narrative().minusDays(366))) {
                return byNarrative.minusYears(1); // reported events do not come after the report
            }
            return byNarrative;
        }
        if (ctx.published() != null && ctx.year() == 0 && d.isAfter(ctx.published().plusDays(1))) {
            return d.minusYears(1);
        }
        return d;
    }

    private static boolean within(LocalDate d, Context ctx) {
        return !d.isBefore(ctx.periodStart().minusDays(3)) && !d.isAfter(ctx.periodEnd().plusDays(3));
    }
}
