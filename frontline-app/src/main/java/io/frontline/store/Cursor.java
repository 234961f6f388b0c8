package io.frontline.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/**
 * A keyset position in the events' order (event date, then id): the page after it starts with the next event. Sent to
 * clients as an opaque URL-safe string ({@code next_cursor}).
 */
public record Cursor(LocalDate date, String id) {

    public String encode() {
        String plain = (date == null ? "" : date.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a cursor from {@link #encode}; a bad one is a {@link BadFilterException} on {@code cursor}. */
    public static Cursor parse(String s) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(s.trim()), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0 || bar == plain.length() - 1) {
                throw new IllegalArgumentException();
            }
            String d = plain.substring(0, bar);
            return new Cursor(d.isEmpty() ? null : LocalDate.parse(d), plain.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new BadFilterException("cursor", "not a cursor of this API (use the next_cursor of a page), got '" + s + "'");
        }
    }
}
