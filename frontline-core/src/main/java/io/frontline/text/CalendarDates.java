package io.frontline.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a full calendar date (day, month and year) written in one of the usual English forms. */
public final class CalendarDates {
    private static final Pattern MDY = Pattern.compile("\\b(" + Months.PATTERN + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + Months.PATTERN + ")\\s*,?\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private CalendarDates() {
    }

    public static Optional<LocalDate> find(String s) {
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
