package io.frontline.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a full calendar date (day, month and year) written in one of the usual English forms: "March 23, 2017",
 * "23 March 2017", "10 JUN 2022", "2017-03-23", and the numeric "28.02.2020", "30/07/2021", "07/30/2021" (day first
 * unless the first number cannot be a day of that month order, as in a US date with a day above 12).
 */
public final class CalendarDates {
    private static final Pattern MDY = Pattern.compile("\\b(" + Months.PATTERN + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + Months.PATTERN + ")\\s*,?\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])"); // also "2022-01-22T10:15"
    /** Month names in capitals, as agencies write them in their headers: "10 JUN 2022", "AUG 25, 2016". */
    private static final String CAPS_MONTHS = "(JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER"
            + "|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\\.?";
    private static final Pattern MDY_CAPS = Pattern.compile("\\b" + CAPS_MONTHS + "\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
    private static final Pattern DMY_CAPS = Pattern.compile("\\b(\\d{1,2})\\s+" + CAPS_MONTHS + "\\s*,?\\s+(\\d{4})\\b");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\w./-])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?![\\w./-])");
    /** "2019/08/23": year first with slashes. */
    private static final Pattern YMD_SLASH = Pattern.compile("(?<![\\w./])(\\d{4})/(\\d{1,2})/(\\d{1,2})(?![\\w./])");

    private CalendarDates() {
    }

    public static Optional<LocalDate> find(String s) {
        if (s.indexOf('\u060C') >= 0) {
            s = s.replace('\u060C', ','); // the Arabic comma of "24 January، 2016"
        }
        Matcher m = ISO.matcher(s);
        if (m.find()) {
            return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = MDY.matcher(s);
        if (m.find()) {
            return of(Integer.parseInt(m.group(3)), Months.month(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = DMY.matcher(s);
        if (m.find()) {
            return of(Integer.parseInt(m.group(3)), Months.month(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = DMY_CAPS.matcher(s);
        if (m.find()) {
            return of(Integer.parseInt(m.group(3)), Months.month(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = YMD_SLASH.matcher(s);
        if (m.find()) {
            return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = MDY_CAPS.matcher(s);
        if (m.find()) {
            return of(Integer.parseInt(m.group(3)), Months.month(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = NUMERIC.matcher(s);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int year = Integer.parseInt(m.group(4));
            // day first, as most of the world writes it, unless only the other order makes a date ("07/30/2021")
            return a <= 12 && b > 12 ? of(year, a, b) : of(year, b, a);
        }
        return Optional.empty();
    }

    public static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
