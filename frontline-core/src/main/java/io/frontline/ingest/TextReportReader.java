package io.frontline.ingest;

import io.frontline.text.CalendarDates;
import io.frontline.text.Lexicon;
import io.frontline.text.Span;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text or Markdown report (a saved web page as text, or Markdown with YAML front matter)
 * into a {@link Report}: metadata from the header lines, article paragraphs, and furniture set aside.
 */
public final class TextReportReader {
    private static final Set<String> ENDS_ARTICLE = Set.of("donation", "book-advert", "copyright", "disclaimer",
            "image-credit", "original-source", "membership", "media-inquiry");
    // the link text holds no '[' and the target is at most 2,000 characters: otherwise a long line of '[' or "](" is quadratic
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\[\\]\\n]*)\\]\\(([^)\\n]{0,2000})\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*+|__+|(?<=\\s|^)\\*(?=\\S)|(?<=\\S)\\*(?=\\s|$|[.,;:])", Pattern.MULTILINE);
    private static final Pattern ESCAPE = Pattern.compile("\\\\(?=[\\p{Punct}])");
    private static final Pattern HEADING_MARK = Pattern.compile("^#{1,6}\\s+", Pattern.MULTILINE);
    // blanks of the line only before the mark: \s* also ran over the following blank lines, quadratic on a long run of them
    private static final Pattern LIST_MARK = Pattern.compile("^[ \\t]*(?:[*+-]|\\d+\\.)\\s+", Pattern.MULTILINE);

    private static final Pattern BYLINE = Pattern.compile("^by\\s+(.{2,120})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE = Pattern.compile("^(.{2,80}?),\\s+(.*\\d{4})$");
    /** "Published on 11 November 2017", "Posted: March 3, 2016", "14 September 2017": a paragraph that only dates the report. */
    private static final Pattern DATE_LINE = Pattern.compile("^(?:((?:first\\s+)?published|posted|updated|last updated|last update|last modified|modified|date)\\s*(?:on|:)?\\s*)?"
            + "((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s*)?[\\w ,\u060C./:+-]{6,40}?)\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_DATE = Pattern.compile("\\s*(?:[-–—|,]|\\bon\\b)\\s*((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s*)?[\\w ,./:-]{6,40})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTED_BY = Pattern.compile("^(?:(?:posted|published)\\s+(?:on\\s+)?)?(.{6,40}?)\\s+by\\s+(.{2,60})$",
            Pattern.CASE_INSENSITIVE);
    /** A city in capitals before the date: "ISTANBUL AUG 25, 2016 - 12:00 AM GMT+3". */
    private static final Pattern CITY_DATE = Pattern.compile("^([A-Z][A-Z'’-]+(?:\\s+[A-Z][A-Z'’-]+){0,2}?)\\s+"
            + "((?i:\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun).*\\d{4}.*)$");
    private static final Pattern TAG_LINE = Pattern.compile("^(region|theme|themes|in-depth report|topics?|tags?|categor(?:y|ies)|section)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_SOURCE = Pattern.compile("\\b(?:the )?original source of this (?:article|report|piece) is\\s+(.+?)\\.?$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern ARTICLES_BY = Pattern.compile("^(?:articles|posts|more) by\\s*:?\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDIT = Pattern.compile("^(voice-?over|video|narrat(?:ion|ed)|produced|production|edited|editing|translated|translation|photos?|camera|reporting|additional reporting)(?:\\s+by)?\\s*:?\\s+(.{2,120})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEDIA_PREFIX = Pattern.compile("^(video|audio|photos?|watch|map|infographic)\\s*:\\s*", Pattern.CASE_INSENSITIVE);

    private final Lexicon furniture;

    public TextReportReader(Lexicon furniture) {
        this.furniture = furniture;
    }

    /** Reads one report; {@code file} is the name it is known by (a path, or "-" for stdin). */
    public Report read(String file, String text) {
        char[] analysis = text.toCharArray();
        Meta meta = new Meta();
        List<Span> paragraphs = new ArrayList<>();
        List<Span> headings = new ArrayList<>();
        List<Removed> removed = new ArrayList<>();

        int bodyStart = readFrontMatter(text, meta, removed);
        blankMarkup(text, analysis, bodyStart);
        String clean = new String(analysis);

        boolean seenBody = false;
        boolean trailer = false;
        for (Block b : splitHeaderLines(text, blocks(text, bodyStart))) {
            String plain = collapse(b.span.of(clean));
            if (plain.isEmpty()) {
                removed.add(new Removed(b.span, "markup", "empty-after-markup"));
                continue;
            }
            switch (b.type) {
                case HEADING -> {
                    headings.add(b.span);
                    continue;
                }
                case IMAGE -> {
                    removed.add(new Removed(b.span, "image", "markdown-image"));
                    continue;
                }
                case TABLE -> {
                    removed.add(new Removed(b.span, "table", "markdown-table"));
                    continue;
                }
                default -> {
                }
            }
            Optional<String> metaKind = seenBody ? trailingMetadata(plain, meta) : headerMetadata(plain, meta, paragraphs.isEmpty() && meta.title == null);
            if (metaKind.isPresent()) {
                removed.add(new Removed(b.span, "metadata", metaKind.get()));
                if (metaKind.get().equals("original-source")) {
                    trailer = true;
                }
                continue;
            }
            Optional<Lexicon.Hit> rule = furniture.first(plain, null);
            if (rule.isPresent()) {
                Lexicon.Rule r = rule.get().rule();
                removed.add(new Removed(b.span, r.kind(), r.id()));
                trailer |= seenBody && ENDS_ARTICLE.contains(r.kind());
                continue;
            }
            if (trailer) {
                removed.add(new Removed(b.span, "trailer", "after-article-end"));
                continue;
            }
            paragraphs.add(b.span);
            seenBody = true;
        }
        // "BEIRUT, March 23, 2017 (Reuters) - ...": the agency and date of a wire story, in its first paragraph or, after
        // an agency's name standing alone, its second; a dateline line of its own ("BEIRUT (AP) — Thursday, Aug. 9,
        // 2012") may be followed by the story's first paragraph opening with the dateline again
        for (int at = 0; at < Math.min(3, paragraphs.size()); at++) {
            Span opening = paragraphs.get(at);
            String first = opening.of(clean);
            Optional<Dateline> line = Dateline.at(first);
            if (line.isEmpty()) {
                if (at == 0 && first.strip().length() <= 40) {
                    continue;
                }
                break;
            }
            Dateline d = line.get();
            // the dateline names where the story was filed, not where its events happened: it is metadata
            int lead = 0;
            while (lead < first.length() && Character.isWhitespace(first.charAt(lead))) {
                lead++;
            }
            String rest = first.substring(d.length()).strip();
            Optional<LocalDate> restDate = rest.length() <= 40 ? CalendarDates.find(rest) : Optional.empty();
            LocalDate date = d.date() != null ? d.date() : restDate.filter(x -> onlyDate(rest)).orElse(null);
            if (restDate.isPresent() && onlyDate(rest) || rest.isEmpty()) {
                removed.add(new Removed(new Span(opening.start() + lead, opening.end()), "metadata", "dateline"));
                paragraphs.remove(at);
                at--;
            } else {
                removed.add(new Removed(new Span(opening.start() + lead, opening.start() + d.length()), "metadata", "dateline"));
                paragraphs.set(at, new Span(opening.start() + d.length(), opening.end()));
            }
            if (meta.published == null && date != null) {
                meta.published = date;
            }
            if (d.agency() != null) {
                meta.agency(d.agency());
            }
        }
        if (meta.published == null) {
            meta.published = meta.updated;
        }
        removed.sort((a, b) -> a.span().compareTo(b.span()));
        return new Report(idOf(text), file, meta.title, meta.publisher, meta.originalSource, meta.published,
                dedupe(meta.authors), meta.credits, meta.tags, text, clean, paragraphs, headings, removed);
    }

    // ---- header and trailer metadata ------------------------------------------------------------

    private Optional<String> headerMetadata(String p, Meta meta, boolean first) {
        if (first && meta.publisher == null && publisherAlone(p) && titleCase(p)) {
            // "Hürriyet Daily News" above the headline: the publisher's name, the title comes next
            meta.publisher = p.replaceFirst("\\s+[-–—]\\s+.*$", "").strip();
            return Optional.of("publisher");
        }
        if (first && p.length() <= 200 && !p.endsWith(".")) {
            Matcher media = MEDIA_PREFIX.matcher(p);
            if (media.find()) {
                meta.tags.computeIfAbsent("format", k -> new ArrayList<>()).add(media.group(1).toLowerCase(Locale.ROOT));
                meta.title = p.substring(media.end()).strip();
            } else {
                meta.title = p;
            }
            return Optional.of("title");
        }
        Matcher m = BYLINE.matcher(p);
        if (m.matches() && !p.endsWith(".") && pipedDate(p) >= 0) {
            return pipedMetadata(p, meta); // "By A. Writer | May 29, 2015 | email | handle": the authors before the date
        }
        if (m.matches() && !p.endsWith(".")) {
            String who = m.group(1);
            // "By Leith Aboufadel - Jan 12, 2016": a byline that also dates the report
            Matcher dated = BYLINE_DATE.matcher(who);
            if (dated.find() && CalendarDates.find(dated.group(1)).isPresent()) {
                if (meta.published == null) {
                    meta.published = CalendarDates.find(dated.group(1)).get();
                }
                who = who.substring(0, dated.start());
            }
            meta.authors.addAll(names(who));
            return Optional.of("byline");
        }
        if (meta.publisher == null && publisherAlone(p)) {
            // "Al-Masdar News", "U.S. Central Command", "Enab Baladi - Daraa": the publisher on a line of its own
            meta.publisher = p.replaceFirst("\\s+[-–—]\\s+.*$", "").strip();
            return Optional.of("publisher");
        }
        Optional<Dateline> wire = p.length() <= 160 ? Dateline.at(p + " ") : Optional.empty();
        if (wire.isPresent() && wire.get().agency() != null) {
            // "BEIRUT (AP) — Thursday, Aug. 9, 2012" on a line of its own: the agency and the date
            String rest = p.substring(Math.min(p.length(), wire.get().length())).strip();
            Optional<LocalDate> d = wire.get().date() != null ? Optional.of(wire.get().date()) : CalendarDates.find(rest);
            if (rest.isEmpty() || onlyDate(rest)) {
                if (meta.published == null && d.isPresent()) {
                    meta.published = d.get();
                }
                meta.agency(wire.get().agency());
                return Optional.of("dateline");
            }
        }
        m = DATELINE.matcher(p);
        if (m.matches() && meta.published == null) {
            Optional<LocalDate> d = CalendarDates.find(m.group(2));
            if (d.isPresent()) {
                meta.published = d.get();
                if (meta.publisher == null) {
                    meta.publisher = m.group(1).strip();
                }
                return Optional.of("dateline");
            }
        }
        m = POSTED_BY.matcher(p);
        if (m.matches() && CalendarDates.find(m.group(1)).isPresent() && onlyDate(m.group(1))) {
            // "Posted on 06/09/2017 by admin": the date, and who posted it
            if (meta.published == null) {
                meta.published = CalendarDates.find(m.group(1)).get();
            }
            meta.authors.addAll(names(m.group(2)));
            return Optional.of("date-line");
        }
        m = CITY_DATE.matcher(p);
        if (m.matches() && fewNonBlanks(m.group(2), 70) && onlyDate(m.group(2).replaceAll("(?i)gmt[+-]\\d{1,2}", " "))
                && CalendarDates.find(m.group(2)).isPresent()) {
            // "ISTANBUL AUG 25, 2016 - 12:00 AM GMT+3": where the story was filed, and when
            if (meta.published == null) {
                meta.published = CalendarDates.find(m.group(2)).get();
            }
            return Optional.of("dateline");
        }
        m = TAG_LINE.matcher(p);
        if (m.matches()) {
            String key = m.group(1).toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            key = switch (key) {
                case "themes" -> "theme";
                case "topic", "topics", "tag", "tags", "category", "categories" -> "topic";
                default -> key;
            };
            meta.tags.computeIfAbsent(key, k -> new ArrayList<>()).addAll(names(m.group(2)));
            return Optional.of("tags");
        }
        if (paragraphsLookLikeAuthorRepeat(p, meta)) {
            return Optional.of("byline");
        }
        return trailingMetadata(p, meta);
    }

    /** A header line cut by bars with a date in one part: the date, and the publisher or authors before it. */
    private static Optional<String> pipedMetadata(String p, Meta meta) {
        int dated = pipedDate(p);
        if (dated >= 0) {
            String[] parts = p.split(SEGMENTS);
            if (meta.published == null) {
                meta.published = CalendarDates.find(parts[dated]).get();
            }
            for (int i = 0; i < dated; i++) {
                String who = parts[i].strip();
                if (who.isEmpty() || who.chars().allMatch(c -> Character.isUpperCase(c) || c == ' ' || c == '-')) {
                    continue; // "BEIRUT | Thu Nov 22, 2012": the city the story was filed from, not an author
                }
                if (ORGANISATION.matcher(who).find()) {
                    if (meta.publisher == null) {
                        meta.publisher = who;
                    }
                } else {
                    meta.authors.addAll(names(who.replaceFirst("(?i)^by\\s+", "")));
                }
            }
            return Optional.of("dateline");
        }
        return Optional.empty();
    }

    private Optional<String> trailingMetadata(String p, Meta meta) {
        Optional<String> piped = pipedMetadata(p, meta);
        if (piped.isPresent()) {
            return piped;
        }
        // a date line holds at most 67 characters other than blanks (the words before the date, a weekday and 40
        // characters of date): a longer paragraph is not tried
        Matcher m = DATE_LINE.matcher(p);
        if (fewNonBlanks(p, 70) && m.matches() && onlyDate(p)) {
            Optional<LocalDate> d = CalendarDates.find(m.group(2));
            if (d.isPresent()) {
                String how = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
                if (meta.published == null && !how.contains("update") && !how.contains("modified")) {
                    meta.published = d.get();
                } else if ((how.contains("update") || how.contains("modified")) && meta.updated == null) {
                    meta.updated = d.get(); // the publication date when the page gives no other
                }
                return Optional.of("date-line");
            }
        }
        m = ORIGINAL_SOURCE.matcher(p);
        if (p.toLowerCase(Locale.ROOT).contains("original source of this ") && m.find()) {
            meta.originalSource = m.group(1).strip();
            return Optional.of("original-source");
        }
        m = ARTICLES_BY.matcher(p);
        if ((p.regionMatches(true, 0, "articles", 0, 8) || p.regionMatches(true, 0, "posts", 0, 5)
                || p.regionMatches(true, 0, "more", 0, 4)) && m.matches()) {
            meta.authors.addAll(names(m.group(1)));
            return Optional.of("author");
        }
        m = CREDIT.matcher(p);
        if (p.length() < 140 && !p.endsWith(".") && m.matches()) {
            String role = m.group(1).toLowerCase(Locale.ROOT).replace("-", "");
            meta.credits.add(role + ": " + m.group(2).strip());
            return Optional.of("credits");
        }
        return Optional.empty();
    }

    /** A short line that only names an organisation: "Al-Masdar News", "U.S. Central Command", "Enab Baladi - Daraa". */
    private static boolean publisherAlone(String p) {
        return p.length() <= 40 && !p.endsWith(".") && p.split("\\s+").length <= 5 && p.chars().noneMatch(Character::isDigit)
                && ORGANISATION.matcher(p).find() && Character.isUpperCase(p.charAt(0));
    }

    /** Every word capitalised but the small ones: a name ("Institute for the Study of War"), not a headline. */
    private static boolean titleCase(String p) {
        for (String w : p.split("[\\s-]+")) {
            if (!w.isEmpty() && Character.isLowerCase(w.charAt(0)) && !Set.of("of", "for", "the", "and", "al", "el").contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code p} holds at most {@code max} characters outside {@code \\s} ([ \\t\\n\\x0B\\f\\r]). */
    private static boolean fewNonBlanks(String p, int max) {
        int count = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r' && ++count > max) {
                return false;
            }
        }
        return true;
    }

    /** Nothing but a date, a time and the words that introduce them. */
    private static boolean onlyDate(String p) {
        String rest = p.replaceAll("(?<=\\d)T(?=\\d)", " ").toLowerCase(Locale.ROOT)
                .replaceAll("\\b(?:" + io.frontline.text.Months.PATTERN.toLowerCase(Locale.ROOT) + ")", " ")
                .replaceAll("\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b", " ")
                .replaceAll("\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\b\\.?", " ") // "Thu Nov 22, 2012"
                .replaceAll("(?<=\\d)(?:am|pm|st|nd|rd|th)\\b", " ") // "3:17pm", "25th"
                .replaceAll("\\b(?:first|published|posted|updated|update|modified|last|date|on|at|am|pm|gmt|utc|st|nd|rd|th"
                        + "|est|edt|bst|cet|cest|eet|eest|ast|et|pt|pst|pdt|msk|trt)\\b", " ")
                .replaceAll("[\\d\\s,\u060C./:+-]", "");
        return rest.isEmpty();
    }

    private static boolean paragraphsLookLikeAuthorRepeat(String p, Meta meta) {
        return meta.authors.stream().anyMatch(a -> a.equalsIgnoreCase(p.strip()));
    }

    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",|\\band\\b|;")) {
            String v = s.strip();
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<String> dedupe(List<String> xs) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(xs));
    }

    // ---- YAML front matter (Markdown mirrors) ------------------------------------------------------

    private int readFrontMatter(String text, Meta meta, List<Removed> removed) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\uFEFF' || text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        if (!text.startsWith("---", start) || !lineEnd(text, start + 3)) {
            return 0;
        }
        int close = text.indexOf("\n---", start + 3);
        if (close < 0) {
            return 0;
        }
        int end = text.indexOf('\n', close + 4);
        end = end < 0 ? text.length() : end + 1;
        Map<String, List<String>> fields = FrontMatter.parse(text.substring(start, close));
        meta.title = first(fields, "title", "subject");
        String author = first(fields, "author");
        if (author != null) {
            meta.authors.add(author);
        }
        meta.publisher = Optional.ofNullable(first(fields, "publisher", "site", "source")).orElse(author);
        String date = first(fields, "pubDate", "date", "published");
        if (date != null) {
            meta.published = parseDate(date);
        }
        for (String key : List.of("date", "place", "tags")) {
            if (fields.containsKey(key) && !fields.get(key).isEmpty()) {
                meta.tags.put(key.equals("tags") ? "topic" : key, fields.get(key));
            }
        }
        removed.add(new Removed(new Span(0, end), "metadata", "front-matter"));
        return end;
    }

    private static boolean lineEnd(String text, int i) {
        return i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r';
    }

    private static String first(Map<String, List<String>> fields, String... keys) {
        for (String k : keys) {
            List<String> v = fields.get(k);
            if (v != null && !v.isEmpty() && !v.get(0).isBlank()) {
                return v.get(0);
            }
        }
        return null;
    }

    private static LocalDate parseDate(String s) {
        Matcher iso = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})").matcher(s);
        if (iso.find()) {
            return CalendarDates.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))).orElse(null);
        }
        return CalendarDates.find(s).orElse(null);
    }

    // ---- blocks and markup ------------------------------------------------------------------------

    private enum BlockType { PARAGRAPH, HEADING, IMAGE, TABLE }

    private record Block(Span span, BlockType type) {
    }

    /**
     * A byline, dateline or date written on the line before the story with no blank line between ("By NAME,
     * Associated Press" then "BEIRUT (AP) — Thursday, Aug. 9, 2012"): the first blocks are cut into their lines when
     * their first line is such metadata, so that each line is read as what it is.
     */
    private static List<Block> splitHeaderLines(String text, List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size() + 4);
        for (int k = 0; k < blocks.size(); k++) {
            Block b = blocks.get(k);
            String body = b.span.of(text);
            String[] lines = body.split("\n", -1);
            if (k >= 4 || b.type != BlockType.PARAGRAPH || lines.length < 2 || lines.length > 5
                    || java.util.Arrays.stream(lines).noneMatch(l -> headerLine(l.strip()))) {
                out.add(b);
                continue;
            }
            int at = b.span.start();
            for (String line : lines) {
                if (!line.isBlank()) {
                    out.add(new Block(trim(text, at, at + line.length()), BlockType.PARAGRAPH));
                }
                at += line.length() + 1;
            }
        }
        return out;
    }

    /** "By KARIM HADDAD and LAURA MENDEL, Associated Press", "By Leith Aboufadel - Jan 12, 2016": names, no prose. */
    private static final Pattern NAMES_BYLINE = Pattern.compile(
            "[Bb]y\\s+(?:[A-Z][\\p{L}.'’-]*,?|\\d{1,4},?)(?:\\s+(?:[A-Z][\\p{L}.'’-]*,?|\\d{1,4}(?:[./]\\d{1,4}){0,2},?|and|&|of|the|[-–—|]))*");

    private static boolean headerLine(String line) {
        if (line.length() > 160 || line.endsWith(".")) {
            return false;
        }
        if (NAMES_BYLINE.matcher(line).matches()) {
            return true;
        }
        Optional<Dateline> d = Dateline.at(line + " ");
        if (d.isPresent()) {
            String rest = line.substring(Math.min(line.length(), d.get().length())).strip();
            return rest.isEmpty() || onlyDate(rest);
        }
        return fewNonBlanks(line, 70) && DATE_LINE.matcher(line).matches() && onlyDate(line) && CalendarDates.find(line).isPresent()
                || pipedDate(line) >= 0;
    }

    /** Words of an organisation's name: a segment holding one names the publisher, not an author. */
    private static final Pattern ORGANISATION = Pattern.compile("(?i)\\b(?:news|agency|institute|observatory|press|media|times|post|"
            + "center|centre|command|network|tv|television|radio|monitor|ministry|baladi|direct|daily|journal|herald|gazette|"
            + "channel|service|foundation|council|office|department|human rights)\\b");

    /**
     * The index of the segment that is only a date in a header line cut by bars ("Institute for the Study of War |
     * October 9, 2015", "Ahmet Kaya and Selin Yurt |28.02.2020", "Published date: 30 November 2024 | Last update: ..."),
     * or -1.
     */
    /** The separators of a header line's segments: bars, middle dots and bullets ("Wednesday 16.07.2025 · compiled 21:30"). */
    private static final String SEGMENTS = "[|\u00B7\u2022]";

    private static int pipedDate(String line) {
        if (line.length() > 240 || line.indexOf('|') < 0 && line.indexOf('\u00B7') < 0 && line.indexOf('\u2022') < 0) {
            return -1;
        }
        String[] parts = line.split(SEGMENTS);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (!part.isEmpty() && fewNonBlanks(part, 70) && onlyDate(part) && CalendarDates.find(part).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** Splits the text into blocks at blank lines; headings, image lines and table rows stand alone. */
    private static List<Block> blocks(String text, int from) {
        List<Block> out = new ArrayList<>();
        int blockStart = -1;
        int blockEnd = -1;
        BlockType blockType = null;
        int i = from;
        while (i <= text.length()) {
            int nl = text.indexOf('\n', i);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(i, lineEnd);
            String t = line.strip();
            BlockType type = t.startsWith("#") && t.matches("#{1,6}\\s.*") ? BlockType.HEADING
                    : t.startsWith("![") ? BlockType.IMAGE
                    : t.startsWith("|") ? BlockType.TABLE : BlockType.PARAGRAPH;
            boolean blank = t.isEmpty();
            boolean standalone = type == BlockType.HEADING || type == BlockType.IMAGE;
            if (blockStart >= 0 && (blank || standalone || type != blockType)) {
                out.add(new Block(trim(text, blockStart, blockEnd), blockType));
                blockStart = -1;
            }
            if (!blank) {
                if (standalone) {
                    out.add(new Block(trim(text, i, lineEnd), type));
                } else {
                    if (blockStart < 0) {
                        blockStart = i;
                        blockType = type;
                    }
                    blockEnd = lineEnd;
                }
            }
            if (nl < 0) {
                break;
            }
            i = nl + 1;
        }
        if (blockStart >= 0) {
            out.add(new Block(trim(text, blockStart, blockEnd), blockType));
        }
        return out;
    }

    private static Span trim(String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new Span(s, e);
    }

    /** Blanks Markdown markup in {@code out} (same indices as {@code text}) so analysis sees plain words. */
    private static void blankMarkup(String text, char[] out, int from) {
        String region = text.substring(from);
        // each pattern is tried only at the offsets where a match can begin (its first character, or a line start),
        // as find() would try them (see at()): the patterns begin with no literal find() could skip to
        Matcher m = LINK.matcher(region);
        for (int p = 0; (p = at(m, region, p, "![")) >= 0; p = next(m)) {
            blank(out, from + m.start(), from + m.start(1));
            blank(out, from + m.end(1), from + m.end());
        }
        m = AUTOLINK.matcher(region);
        for (int p = 0; (p = at(m, region, p, "<")) >= 0; p = next(m)) {
            blank(out, from + m.start(), from + m.start(1));
            blank(out, from + m.end(1), from + m.end());
        }
        String[] firsts = {"*_", "\\", "#", null};
        Pattern[] patterns = {EMPHASIS, ESCAPE, HEADING_MARK, LIST_MARK};
        for (int k = 0; k < patterns.length; k++) {
            m = patterns[k].matcher(region);
            for (int p = 0; (p = at(m, region, p, firsts[k])) >= 0; p = next(m)) {
                blank(out, from + m.start(), from + m.end());
            }
        }
        for (int i = from; i < out.length; i++) {
            if (out[i] == '\r' || out[i] == '\u00A0') {
                out[i] = ' ';
            }
        }
    }

    /**
     * The offset of the next match at or after {@code p}, as {@code find()} from {@code p} finds it, or -1, trying only
     * the offsets holding one of the characters of {@code firsts} (null: the offsets at a line start, where a
     * pattern beginning with a multi-line {@code ^} may match). With transparent, non-anchoring bounds a match tried in
     * a region sees the whole text, as {@code find()} does.
     */
    private static int at(Matcher m, String text, int p, String firsts) {
        int n = text.length();
        m.useTransparentBounds(true).useAnchoringBounds(false);
        if (firsts != null) {
            // the offsets holding one of the characters, in order: the next occurrence of each, by indexOf
            int[] next = new int[firsts.length()];
            for (int k = 0; k < next.length; k++) {
                next[k] = text.indexOf(firsts.charAt(k), p);
            }
            while (true) {
                int i = -1;
                for (int o : next) {
                    if (o >= 0 && (i < 0 || o < i)) {
                        i = o;
                    }
                }
                if (i < 0) {
                    return -1;
                }
                for (int k = 0; k < next.length; k++) {
                    if (next[k] == i) {
                        next[k] = text.indexOf(firsts.charAt(k), i + 1);
                    }
                }
                m.region(i, n);
                if (m.lookingAt()) {
                    return i;
                }
            }
        }
        for (int i = p; i < n; i++) {
            if (i > 0 && !lineTerminator(text.charAt(i - 1))) {
                continue;
            }
            m.region(i, n);
            if (m.lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Where the search goes on after a match: its end, or one past an empty match (as find() does). */
    private static int next(Matcher m) {
        return m.end() > m.start() ? m.end() : m.end() + 1;
    }

    private static void blank(char[] out, int s, int e) {
        for (int i = s; i < e; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
    }

    /** Collapses runs of spaces and tabs; line breaks stay, so line-anchored rules still work. */
    static String collapse(String s) {
        // as s.replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll(" ?\\n ?", "\n").strip(), in two passes over a buffer:
        // after the first, every space next to a line break is part of a match of the second
        int n = s.length();
        char[] b = new char[n];
        int k = 0;
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f') {
                changed |= c != ' ';
                if (i == 0 || !blankRun(s, i)) {
                    b[k++] = ' ';
                }
            } else {
                b[k++] = c;
            }
        }
        int w = 0;
        for (int i = 0; i < k; i++) {
            char c = b[i];
            if (c == ' ' && ((i > 0 && b[i - 1] == '\n') || (i + 1 < k && b[i + 1] == '\n'))) {
                continue;
            }
            b[w++] = c;
        }
        return w == n && !changed ? s.strip() : new String(b, 0, w).strip();
    }

    /** True when the blank at {@code i} follows another blank in {@code s} (so it joins the same run). */
    private static boolean blankRun(String s, int i) {
        char p = s.charAt(i - 1);
        return p == ' ' || p == '\t' || p == '\u000B' || p == '\f';
    }

    static String idOf(String text) {
        byte[] d = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 8);
    }

    /** One digest per thread: looking the algorithm up cost as much as hashing a short report. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static final class Meta {
        String title;
        String publisher;
        String originalSource;
        LocalDate published;
        /** "Last updated: 09 May 2014": the date of a page's last update, taken when it gives no publication date. */
        LocalDate updated;
        final List<String> authors = new ArrayList<>();
        final List<String> credits = new ArrayList<>();
        final Map<String, List<String>> tags = new LinkedHashMap<>();

        /** The agency of a dateline: the publisher, or the original source of a publisher already known. */
        void agency(String agency) {
            if (publisher == null) {
                publisher = agency;
            } else if (originalSource == null && !agency.equalsIgnoreCase(publisher)) {
                originalSource = agency;
            }
        }
    }
}
