package io.frontline;

import io.frontline.events.Claim;
import io.frontline.events.Event;
import io.frontline.events.EventCoder;
import io.frontline.extract.ActorMention;
import io.frontline.extract.ActorRecognizer;
import io.frontline.extract.ContextResolver;
import io.frontline.extract.Frame;
import io.frontline.extract.FrameBuilder;
import io.frontline.extract.PlaceMention;
import io.frontline.extract.PlaceRecognizer;
import io.frontline.extract.SentenceAnalysis;
import io.frontline.extract.TimeExpressions;
import io.frontline.gazetteer.GeoPoint;
import io.frontline.gazetteer.NameKey;
import io.frontline.gazetteer.PlaceResolver;
import io.frontline.ingest.Report;
import io.frontline.ingest.TextReportReader;
import io.frontline.text.Sentence;
import io.frontline.text.SentenceSplitter;
import io.frontline.text.Span;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The front door: {@code extract(file, text)} reads a report and returns its coded events and claims.
 * Stages, each its own type: {@link TextReportReader} (report and furniture), {@link SentenceSplitter},
 * {@link ActorRecognizer} and {@link PlaceRecognizer} (mentions), {@link FrameBuilder} (who did what where),
 * {@link ContextResolver} (implicit roles), {@link TimeExpressions} (when), {@link PlaceResolver} (where, on
 * the map) and {@link EventCoder} (ACLED coding, notes, evidence). Pure: no I/O, same input, same output.
 */
public final class Frontline {
    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");

    private final TextReportReader reader;
    private final io.frontline.ingest.HtmlReportReader html;
    private final io.frontline.ingest.FeedReader feeds;
    private final io.frontline.ingest.JsonLinesReader jsonLines;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final ActorRecognizer actors;
    private final PlaceRecognizer places;
    private final FrameBuilder frames;
    private final ContextResolver context;
    private final io.frontline.gazetteer.Gazetteer gazetteer;
    private final io.frontline.actors.Sides sides;
    private final EventCoder coder;
    private final io.frontline.extract.CandidateActorFinder candidates = new io.frontline.extract.CandidateActorFinder();
    /** Gazetteer candidates per place name, for every report this extractor reads (see {@link PlaceResolver}). */
    private final Map<String, List<io.frontline.gazetteer.Candidate>> placeCandidates = new java.util.concurrent.ConcurrentHashMap<>();

    public Frontline(KnowledgeBase kb) {
        this.reader = new TextReportReader(kb.furniture());
        this.html = new io.frontline.ingest.HtmlReportReader(kb.furniture());
        this.feeds = new io.frontline.ingest.FeedReader(kb.furniture());
        this.jsonLines = new io.frontline.ingest.JsonLinesReader(kb.furniture());
        this.actors = new ActorRecognizer(kb.actors());
        this.places = new PlaceRecognizer(kb.gazetteer(), kb.placeWords());
        this.frames = new FrameBuilder(kb.triggers(), kb.cues(), kb.actors().sides());
        this.context = new ContextResolver(kb.actors(), kb.defaultState());
        this.gazetteer = kb.gazetteer();
        this.sides = kb.actors().sides();
        this.coder = new EventCoder(kb.loadedTerms(), kb.actors());
    }

    public Report read(String file, String text) {
        return reader.read(file, text);
    }

    /**
     * Reads the reports of one input in a given format: one for a text or a page, one per item of a feed or line
     * of a JSON lines file, with the parts that could not be read.
     */
    public io.frontline.ingest.Reports read(String file, String content, io.frontline.ingest.Format format) {
        return switch (format) {
            case TEXT -> new io.frontline.ingest.Reports(List.of(reader.read(file, content)), List.of());
            case HTML -> new io.frontline.ingest.Reports(List.of(html.read(file, content)), List.of());
            case FEED -> feeds.read(file, content);
            case JSON_LINES -> jsonLines.read(file, content);
        };
    }

    public Extraction extract(String file, String text) {
        return extract(read(file, text));
    }

    public Extraction extract(Report report) {
        List<SentenceAnalysis> analysed = analyse(report);
        Map<Integer, List<EventCoder.When>> dates = dates(report, analysed); // from modality and time words, not from actors
        final List<SentenceAnalysis> sentences = analysed;
        analysed = context.resolve(analysed, i -> {
            List<EventCoder.When> w = dates.get(sentences.get(i).sentence().index());
            return w == null ? null : w.get(0).date();
        });
        PlaceResolver resolver = new PlaceResolver(gazetteer, placeCandidates); // remembers candidates across reports
        List<PlaceResolver.Anchor> focus = focus(resolver, analysed);
        Map<String, PlaceResolver.Anchor> reportAnchors = reportAnchors(resolver, analysed, focus);
        return code(resolver, report, analysed, dates, reportAnchors, focus);
    }

    /** Sentences of the article with their mentions and frames. */
    public List<SentenceAnalysis> analyse(Report report) {
        List<SentenceAnalysis> out = new ArrayList<>();
        String text = report.analysisText();
        int p = 0;
        for (Span para : report.paragraphs()) {
            boolean commentary = commentarySection(report, para);
            for (Sentence s : splitter.split(text, para, p, out.size())) {
                List<ActorMention> am = actors.find(s);
                List<PlaceMention> pm = places.find(s, am);
                boolean analysis = commentary || frames.isAnalysis(s);
                List<Frame> fs = analysis ? List.of() : frames.frames(s, am, pm);
                out.add(new SentenceAnalysis(s, am, pm, fs, analysis));
            }
            p++;
        }
        return out;
    }

    private static final Pattern COMMENTARY_HEADING = Pattern.compile(
            "(?i)\\b(reactions?|responses?|analysis|commentary|opinion|see also|references|notes|external links|further reading|"
                    + "legacy|in popular culture|bibliography|sources)\\b");

    /** Paragraphs under a heading such as "Reactions" or "Analysis" report statements, not events. */
    private static boolean commentarySection(Report report, Span para) {
        Span heading = null;
        for (Span h : report.headings()) {
            if (h.start() < para.start()) {
                heading = h;
            }
        }
        return heading != null && COMMENTARY_HEADING.matcher(report.analysisText().substring(heading.start(), heading.end())).find();
    }

    // ---- time --------------------------------------------------------------------------------------------

    /** Each sentence's date, then any later points of time the sentence itself writes after it. */
    private Map<Integer, List<EventCoder.When>> dates(Report report, List<SentenceAnalysis> analysed) {
        Map<Integer, List<EventCoder.When>> out = new HashMap<>();
        Map<Integer, List<EventCoder.When>> laterInSentence = new HashMap<>();
        LocalDate pub = report.published();
        EventCoder.When narrative = null;
        int narrativeParagraph = -1;
        int year = initialYear(report);
        LocalDate period = periodEnd(report);
        LocalDate start = periodStart(report, period);
        for (SentenceAnalysis sa : analysed) {
            Sentence s = sa.sentence();
            var found = TimeExpressions.find(s.text(), new TimeExpressions.Context(pub, narrative == null ? null : narrative.date(), year,
                    start, period));
            // the narrative moves on with sentences that report something (even "just short of capturing X"); a
            // sentence without events moves it with a day of the story ("On 23 February, reinforcements were sent"),
            // not with a vague background period ("slowed down in late August") or the time of writing
            boolean sceneDate = found.isPresent() && found.get().precision() == 1 && !Set.of("today", "yesterday",
                    "weekday").contains(found.get().rule());
            boolean happened = sa.frames().isEmpty() && sceneDate || sa.frames().stream().anyMatch(f -> f.modality() != io.frontline.extract.Modality.PREDICTED
                    && f.modality() != io.frontline.extract.Modality.INTENDED);
            EventCoder.When when;
            if (found.isPresent()) {
                var w = found.get();
                when = new EventCoder.When(w.date(), w.precision(), "time:" + w.rule(),
                        new Span(s.span().start() + w.start(), s.span().start() + w.end()));
                Matcher y = YEAR.matcher(s.text().substring(w.start(), w.end()));
                boolean yearWritten = y.find();
                if (yearWritten) {
                    year = Integer.parseInt(y.group(1));
                }
                if (w.rule().equals("calendar-date")) {
                    // "captured A on March 28 and B on April 25": each further day written in the sentence dates what
                    // follows it
                    var ctx = new TimeExpressions.Context(pub, w.date(), year, start, period);
                    int at = w.end();
                    while (at < s.text().length()) {
                        var next = TimeExpressions.find(s.text().substring(at), ctx);
                        if (next.isEmpty() || !next.get().rule().equals("calendar-date")) {
                            break;
                        }
                        var n = next.get();
                        laterInSentence.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(new EventCoder.When(n.date(), 1,
                                "time:calendar-date-in-sentence", new Span(s.span().start() + at + n.start(), s.span().start() + at + n.end())));
                        at += n.end();
                    }
                }
                // later points of the same sentence ("...; 13 days later the rebels seized X") date what follows them
                for (var f : TimeExpressions.followUps(s.text(), w.end(), w.date())) {
                    EventCoder.When later = new EventCoder.When(f.date(), Math.max(w.precision(), f.precision()),
                            "time:" + f.rule() + "-in-sentence", new Span(s.span().start() + f.start(), s.span().start() + f.end()));
                    laterInSentence.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(later);
                }
                if (!happened && yearWritten && narrative != null && w.date().isAfter(narrative.date())) {
                    // "Between 26 January and 12 February 2017, heavy fighting took place": a later period with its
                    // year written moves the story on, so "On 12 February" after it is in that year
                    narrative = when;
                    narrativeParagraph = s.paragraph();
                } else if (happened && !(pub != null && period == null && !yearWritten && w.precision() >= 2 && w.date().isBefore(pub.minusDays(7)))) {
                    // (a vague past period, its year not written, of a dated news report (no campaign period in its metadata), "after the rebels pushed into the city in late July", is
                    // background: the sentences after it stay at the report's own days)
                    List<EventCoder.When> later = laterInSentence.get(s.index());
                    narrative = later == null ? when : later.get(later.size() - 1);
                    narrativeParagraph = s.paragraph();
                }
            } else if (narrative != null) {
                int precision = s.paragraph() == narrativeParagraph ? narrative.precision() : Math.max(2, narrative.precision());
                when = new EventCoder.When(narrative.date(), precision, "time:narrative-carry", narrative.span());
            } else if (period != null) {
                when = new EventCoder.When(period, 3, "time:end-of-report-period", null);
            } else if (pub != null) {
                when = new EventCoder.When(pub, 2, "time:publication-date", null);
            } else {
                when = null;
            }
            if (when != null) {
                List<EventCoder.When> all = new ArrayList<>();
                all.add(when);
                all.addAll(laterInSentence.getOrDefault(s.index(), List.of()));
                out.put(s.index(), all);
            }
        }
        return out;
    }

    /**
     * The date written right after a place ("Idlib city on March 28 and Jisr al-Shughour on April 25"), when the
     * sentence writes more than one: each place has its own; else {@code otherwise}.
     */
    private static EventCoder.When placeDate(List<EventCoder.When> whens, PlaceMention place, EventCoder.When otherwise,
                                             Sentence s) {
        if (whens == null || whens.size() < 2) {
            return otherwise;
        }
        for (EventCoder.When w : whens) {
            if (w.span() == null || !w.rule().startsWith("time:calendar-date")) {
                continue;
            }
            int gap = w.span().start() - place.span().end();
            String between = gap >= 0 && gap <= 32 ? s.text().substring(place.span().end() - s.span().start(),
                    w.span().start() - s.span().start()) : null;
            if (between != null && between.matches("(?i)\\s*(?:(?:city|town|village|base|camp|airport|area|military|air|industrial|district|"
                    + "neighbou?rhood|checkpoint|hill)\\s*){0,2},?\\s*(?:on\\s*)?")) {
                return w;
            }
        }
        return otherwise;
    }

    /** The date of a trigger: the last point of time its sentence writes before it, else the sentence's date. */
    private static EventCoder.When dateOf(List<EventCoder.When> whens, Frame f) {
        if (whens == null) {
            return new EventCoder.When(null, 3, "time:none", null);
        }
        EventCoder.When w = whens.get(0);
        for (EventCoder.When later : whens.subList(1, whens.size())) {
            if (later.span().start() <= f.trigger().start()) {
                w = later;
            }
        }
        return w;
    }

    private static final Pattern MONTH_YEAR = Pattern.compile("\\b(" + io.frontline.text.Months.PATTERN + ")\\s+(\\d{4})\\b");

    /**
     * The end of the period a report covers, when its metadata states one (a Wikipedia campaign's
     * "9 – 27 March 2016"): the date of events it summarises without dating them.
     */
    private static LocalDate periodEnd(Report r) {
        for (String v : r.tags().getOrDefault("date", List.of())) {
            String[] parts = v.split("[–—]| - | to ");
            String last = parts[parts.length - 1];
            var d = io.frontline.text.CalendarDates.find(last);
            if (d.isPresent()) {
                return d.get();
            }
            Matcher m = MONTH_YEAR.matcher(last);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(2)), io.frontline.text.Months.month(m.group(1)), 15);
            }
        }
        return null;
    }

    /** The first day of the period a report's metadata states ("21–29 February 2016", "31 May – 10 July 2015"). */
    private static LocalDate periodStart(Report r, LocalDate end) {
        if (end == null) {
            return null;
        }
        for (String v : r.tags().getOrDefault("date", List.of())) {
            String first = v.split("[–—]| - | to ")[0].strip();
            var d = io.frontline.text.CalendarDates.find(first);
            if (d.isEmpty()) {
                d = io.frontline.text.CalendarDates.find(first + " " + end.getYear());
            }
            if (d.isEmpty() && first.matches("\\d{1,2}")) {
                d = io.frontline.text.CalendarDates.of(end.getYear(), end.getMonthValue(), Integer.parseInt(first));
            }
            if (d.isPresent()) {
                return d.get().isAfter(end) ? d.get().minusYears(1) : d.get();
            }
        }
        return null;
    }

    private static int initialYear(Report r) {
        for (String key : List.of("date")) {
            for (String v : r.tags().getOrDefault(key, List.of())) {
                Matcher m = YEAR.matcher(v);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        if (r.title() != null) {
            Matcher m = YEAR.matcher(r.title());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    // ---- places ------------------------------------------------------------------------------------------

    private static final double PARAGRAPH_RADIUS_KM = 60;
    private static final double REPORT_RADIUS_KM = 200;

    private static final double FOCUS_RADIUS_KM = 250;

    /**
     * The region the report is about: the median point of the places it names that have a single gazetteer
     * candidate. Ambiguous names are then read as the ones in that region.
     */
    private List<PlaceResolver.Anchor> focus(PlaceResolver resolver, List<SentenceAnalysis> analysed) {
        List<Double> lats = new ArrayList<>();
        List<Double> lons = new ArrayList<>();
        for (SentenceAnalysis sa : analysed) {
            for (PlaceMention p : sa.places()) {
                var r = resolver.resolve(p.name(), null, List.of());
                if (r.place() != null && !r.method().contains("ambiguous")) {
                    lats.add(r.point().lat());
                    lons.add(r.point().lon());
                }
            }
        }
        if (lats.isEmpty()) {
            return List.of();
        }
        java.util.Collections.sort(lats);
        java.util.Collections.sort(lons);
        GeoPoint centre = new GeoPoint(lats.get(lats.size() / 2), lons.get(lons.size() / 2));
        return List.of(new PlaceResolver.Anchor("the report's region", centre, FOCUS_RADIUS_KM, Double.NaN, 0,
                "median of the report's unambiguous places"));
    }

    /** A name resolved only against the report's region; where that finds nothing near, against nothing. */
    private static PlaceResolver.Resolution resolveInFocus(PlaceResolver resolver, PlaceMention p, List<PlaceResolver.Anchor> focus) {
        PlaceResolver.Resolution r = resolver.resolve(p.name(), null, focus);
        return r.status().equals("resolved") ? r : resolver.resolve(p.name(), null, List.of());
    }

    /** Anchors of one sentence: reference points ("countryside of X") and regions ("X province"), resolved. */
    private static Map<PlaceMention, PlaceResolver.Anchor> sentenceAnchors(PlaceResolver resolver, SentenceAnalysis sa, List<PlaceResolver.Anchor> focus) {
        Map<PlaceMention, PlaceResolver.Anchor> out = new LinkedHashMap<>();
        Map<PlaceMention, Boolean> loose = new HashMap<>();
        for (PlaceMention p : sa.places()) {
            if (p.role() == PlaceMention.Role.ANCHOR || p.role() == PlaceMention.Role.REGION) {
                PlaceResolver.Resolution r = resolveInFocus(resolver, p, focus);
                if (r.located()) {
                    out.put(p, anchor(p, r));
                    loose.put(p, r.method().startsWith("gazetteer-fuzzy"));
                }
            }
        }
        // "the Jabal Al-Akrad region of northern Latakia": a loosely matched reference point far from a well matched
        // one of the same sentence is a wrong match (a Jabal Akra near Damascus), not a second front
        out.entrySet().removeIf(e -> loose.get(e.getKey()) && out.entrySet().stream().anyMatch(o -> !loose.get(o.getKey())
                && o.getValue().point().distanceKm(e.getValue().point()) > Math.max(100, o.getValue().radiusKm())));
        return out;
    }

    /**
     * The sentence's anchors that may place {@code p}: not those named after it beyond a clause of their own ("seized
     * Saraqib on Friday, cutting the main road between Damascus and Aleppo": the road's ends are no reference points of
     * Saraqib).
     */
    private static Map<PlaceMention, PlaceResolver.Anchor> sameClauseAnchors(io.frontline.text.Sentence s, PlaceMention p,
                                                                           Map<PlaceMention, PlaceResolver.Anchor> anchors) {
        Map<PlaceMention, PlaceResolver.Anchor> out = null;
        for (PlaceMention m : anchors.keySet()) {
            if (m.firstToken() > p.lastToken() && clauseBreak(s, p.lastToken() + 1, m.firstToken())) {
                if (out == null) {
                    out = new LinkedHashMap<>(anchors);
                }
                out.remove(m);
            }
        }
        return out == null ? anchors : out;
    }

    /** A comma followed by a participle or a subordinating word between two tokens: ", cutting", ", which", ", while". */
    private static boolean clauseBreak(io.frontline.text.Sentence s, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            if (s.token(k).text().equals(",") || s.token(k).text().equals(";")) {
                String w = s.token(k + 1).lower();
                if (w.endsWith("ing") && w.length() > 5 || CLAUSE_OPENERS.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> CLAUSE_OPENERS = Set.of("which", "while", "whereas", "as", "after", "before", "when",
            "where", "but", "thus", "thereby");

    /** The sentence's anchors, most specific (smallest radius) first. */
    private static List<PlaceResolver.Anchor> bySpecificity(Map<PlaceMention, PlaceResolver.Anchor> anchors) {
        List<PlaceResolver.Anchor> out = new ArrayList<>(anchors.values());
        out.sort(java.util.Comparator.comparingDouble(PlaceResolver.Anchor::radiusKm));
        return out;
    }

    /** An anchor written right after the place is its own: "X within about 3km from Y", "X on the flank of Y", "X near Y". */
    private static PlaceResolver.Anchor ownAnchor(PlaceMention p, Map<PlaceMention, PlaceResolver.Anchor> anchors) {
        for (Map.Entry<PlaceMention, PlaceResolver.Anchor> e : anchors.entrySet()) {
            int gap = e.getKey().firstToken() - p.lastToken();
            if (e.getKey().role() == PlaceMention.Role.ANCHOR && gap > 0 && gap <= 7) {
                return e.getValue();
            }
        }
        return null;
    }

    private static PlaceResolver.Anchor anchor(PlaceMention p, PlaceResolver.Resolution r) {
        PlaceResolver.Anchor a = anchor(p, r.point());
        if (r.place() != null && r.place().population() >= 200_000 && a.radiusKm() >= 50 && a.radiusKm() < 100
                && !(p.relation() != null && p.relation().kind().equals("fronted-city"))) {
            // "the eastern countryside of Hama": a provincial capital's countryside is its province
            return new PlaceResolver.Anchor(a.name(), a.point(), 100, a.bearing(), a.offsetKm(), a.why());
        }
        return a;
    }

    private static PlaceResolver.Anchor anchor(PlaceMention p, GeoPoint point) {
        PlaceMention.Relation rel = p.relation();
        String kind = rel == null ? "near" : rel.kind();
        double bearing = rel == null ? Double.NaN : rel.bearing();
        double radius;
        double offset;
        if (!Double.isNaN(rel == null ? Double.NaN : rel.km())) {
            radius = rel.km() * 1.5 + 3;
            offset = Double.isNaN(bearing) ? 0 : rel.km();
        } else {
            switch (kind) {
                case "contains" -> {
                    radius = 30; // "the Damascus suburb of X", "Aleppo's X neighbourhood": in or at the edge of the city
                    offset = 0;
                }
                case "fronted-city" -> {
                    radius = 60; // "In Damascus, ... in the X district": the city and its countryside
                    offset = 0;
                }
                case "countryside", "desert", "plains", "region", "pocket", "valley", "basin" -> {
                    radius = Double.isNaN(bearing) ? 60 : 50;
                    offset = 15;
                }
                case "province", "governorate" -> {
                    radius = 120;
                    offset = 0;
                }
                case "direction" -> {
                    radius = 35;
                    offset = 10;
                }
                default -> {
                    radius = 25;
                    offset = Double.isNaN(bearing) ? 0 : 5;
                }
            }
        }
        // "the eastern countryside of X": the reference point moves east of X, and the radius is measured from there
        GeoPoint centre = Double.isNaN(bearing) || offset <= 0 ? point : point.offset(offset, bearing);
        return new PlaceResolver.Anchor(p.fullName(), centre, radius, Double.NaN, 0, kind + " of " + p.name());
    }

    private static Map<String, PlaceResolver.Anchor> reportAnchors(PlaceResolver resolver, List<SentenceAnalysis> analysed, List<PlaceResolver.Anchor> focus) {
        Map<String, PlaceResolver.Anchor> out = new LinkedHashMap<>();
        for (PlaceResolver.Anchor f : focus) {
            out.put("@focus", f);
        }
        for (SentenceAnalysis sa : analysed) {
            for (PlaceResolver.Anchor a : sentenceAnchors(resolver, sa, focus).values()) {
                out.putIfAbsent(NameKey.phonetic(a.name()), new PlaceResolver.Anchor(a.name(), a.point(), REPORT_RADIUS_KM,
                        Double.NaN, 0, "named in the report"));
            }
        }
        return out;
    }

    // ---- coding ------------------------------------------------------------------------------------------

    private static final Map<String, String> REFERENCE_CLASSES = Map.ofEntries(
            Map.entry("airbase", "base"), Map.entry("airport", "base"), Map.entry("base", "base"), Map.entry("air", "base"),
            Map.entry("town", "settlement"), Map.entry("city", "settlement"), Map.entry("village", "settlement"),
            Map.entry("hill", "hill"), Map.entry("mountain", "hill"), Map.entry("dam", "dam"), Map.entry("checkpoint", "checkpoint"),
            Map.entry("neighbourhood", "district"), Map.entry("neighborhood", "district"), Map.entry("district", "district"),
            Map.entry("silos", "silos"), Map.entry("factory", "factory"), Map.entry("bridge", "bridge"), Map.entry("crossing", "crossing"),
            Map.entry("station", "station"), Map.entry("plant", "plant"), Map.entry("hospital", "hospital"), Map.entry("prison", "prison"),
            Map.entry("oilfield", "oilfield"), Map.entry("junction", "junction"), Map.entry("roundabout", "roundabout"),
            Map.entry("college", "college"), Map.entry("academy", "college"), Map.entry("citadel", "citadel"), Map.entry("castle", "citadel"));

    /** A place's resolution used for a mention that only refers to it: why, and a lower confidence. */
    private static PlaceResolver.Resolution borrowed(PlaceResolver.Resolution r, String why, double factor) {
        return new PlaceResolver.Resolution(r.name(), r.place(), r.point(), r.geoPrecision(), r.admin1(), r.status(),
                why + "; " + r.method(), Math.round(r.confidence() * factor * 100) / 100.0, r.rejected());
    }

    /** The frame placed where its reference ("the town", "near the airbase") points: the last place of that kind named. */
    private static Located coreference(Frame f, PlaceMention referent, PlaceResolver.Resolution r, double factor, int deaths) {
        return new Located(f, referent, referenceResolution(r, f.placeRef(), "coreference '" + f.placeRef() + "' to the last "
                + referenceClass(f.placeRef()) + " named", factor), deaths, "coreference:" + f.placeRef());
    }

    /** A reference used as a reference point ("a village west of the town"): near the place, not at it. */
    private static PlaceResolver.Resolution referenceResolution(PlaceResolver.Resolution r, String ref, String why, double factor) {
        PlaceResolver.Resolution b = borrowed(r, why, factor);
        if (!ref.startsWith("near ") || !r.located()) {
            return b;
        }
        return new PlaceResolver.Resolution(b.name(), b.place(), b.point(), Math.max(2, b.geoPrecision()), b.admin1(), "region",
                "near it; " + b.method(), b.confidence(), b.rejected());
    }

    /** The place a reference stands for: the last of its kind named earlier in the sentence, or else in the report. */
    private static PlaceMention referent(String kind, SentenceAnalysis sa, Frame f, Map<String, PlaceMention> referents) {
        if (kind == null) {
            return null;
        }
        PlaceMention here = null;
        for (PlaceMention p : sa.places()) {
            // in its own sentence a reference may also mean a place named as a reference point: "gathered north of
            // al-Bab as artillery bombed positions near the city"
            if (p.span().end() <= f.trigger().start() && (p.referable() || p.role() == PlaceMention.Role.ANCHOR)
                    && kind.equals(referenceClass(p))) {
                here = p;
            }
        }
        return here != null ? here : referents.get(kind);
    }

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** The kind of place a reference ("the airbase", "the town") or a named place stands for, or null. */
    private static String referenceClass(String ref) {
        String[] words = BLANKS.split(ref.toLowerCase(java.util.Locale.ROOT));
        return REFERENCE_CLASSES.get(words[words.length - 1]);
    }

    private static String referenceClass(PlaceMention p) {
        if (p.feature() != null && Set.of("old", "new", "inner", "upper", "lower", "central").contains(p.name().toLowerCase(java.util.Locale.ROOT))) {
            return "district"; // "the Old City" is a quarter of the city, not a city to refer back to
        }
        String f = p.feature() != null ? p.feature() : p.name();
        String c = referenceClass(f);
        if (c == null && p.feature() == null) {
            c = "settlement"; // a town or village written without a feature word
        }
        return c;
    }

    private record Located(Frame frame, PlaceMention place, PlaceResolver.Resolution resolution, int fatalities, String via) {
    }

    private static Event withFatalities(Report r, Event e, Sentence sentence, io.frontline.extract.Fatalities.Count c, int deaths) {
        var prov = new LinkedHashMap<>(e.provenance());
        int s = sentence.span().start();
        prov.put("fatalities", EventCoder.evidence(r, new Span(s + c.start(), s + c.end()), "fatalities:next-sentence"));
        int total = e.fatalities() + deaths;
        String notes = e.notes().replaceAll(" (\\d+ fatalities reported|Fatalities not reported)\\.$", "") + " " + total + " fatalities reported.";
        return new Event(e.eventId(), e.eventDate(), e.timePrecision(), e.eventType(), e.subEventType(), e.actor1(), e.assocActor1(),
                e.actor2(), e.assocActor2(), e.side1(), e.side2(), e.inter1(), e.inter2(), e.location(), e.admin1(), e.admin2(),
                e.latitude(), e.longitude(), e.geoPrecision(), total, e.status(), e.attribution(), notes, e.evidence(),
                e.confidence(), e.locationStatus(), e.placeId(), e.placeName(), e.modality(), e.rejectedPlaces(), e.loadedTerms(), prov);
    }

    /**
     * "took X after clashes with the jihadist factions": of two battle frames about one place, the one kept takes the
     * other's opponent when its own was only guessed from context and the other's is written in the sentence.
     */
    private io.frontline.extract.Frame sharedOpponent(io.frontline.extract.Frame kept, io.frontline.extract.Frame other) {
        boolean keptGuessed = kept.actor2().isEmpty() || kept.actor2How().startsWith("context:");
        boolean otherWritten = !other.actor2().isEmpty() && !other.actor2How().startsWith("context:")
                && other.actor2().get(0).actor() != null && !kept.actor1().isEmpty() && kept.actor1().get(0).actor() != null
                && (sides.opposed(kept.actor1().get(0).actor().side(), other.actor2().get(0).actor().side())
                || other.actor2().get(0).actor().side().equals("unknown"));
        if (keptGuessed && otherWritten) {
            return kept.withActors(kept.actor1(), kept.actor1How(), other.actor2(), other.actor2How() + " (of the '"
                    + other.sentence().text().substring(other.trigger().start() - other.sentence().span().start(),
                    other.trigger().end() - other.sentence().span().start()) + "' of the same sentence)");
        }
        return kept;
    }

    /** A definite reference to fighting already reported: "in the fighting", "during the clashes". */
    private static final java.util.regex.Pattern EARLIER_FIGHTING = java.util.regex.Pattern.compile(
            "\\b(?:in|during|since|to|after|for|repelled|repulsed)\\s+the\\s+(?:\\w+\\s+)?(?:fighting|clashes|battle|attacks?|assaults?|offensive|strikes?|raids?"
                    + "|bombardment|shelling|ambush|explosion|blast|bombing|operation)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The second change of hands undoes the first: its loser is the first one's taker, its taker an enemy of it. */
    private boolean reversal(Frame first, Frame second) {
        String taker1 = side(first.actor1());
        String taker2 = side(second.actor1());
        String loser2 = side(second.actor2());
        return taker1 != null && taker2 != null && taker1.equals(loser2) && sides.opposed(taker1, taker2);
    }

    private static String side(List<ActorMention> group) {
        return group.isEmpty() || group.get(0).actor() == null ? null : group.get(0).actor().side();
    }

    private Extraction code(PlaceResolver resolver, Report report, List<SentenceAnalysis> analysed, Map<Integer, List<EventCoder.When>> dates,
                            Map<String, PlaceResolver.Anchor> reportAnchors, List<PlaceResolver.Anchor> focus) {
        List<Event> events = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, ActorMention> holders = new HashMap<>(); // who took each place last, as this report tells it
        Map<String, PlaceMention> referents = new HashMap<>(); // the last base, town, hill ... the report named
        List<PlaceResolver.Anchor> paragraphAnchors = new ArrayList<>();
        Located lastPlace = null;
        int lastPlaceSentence = -1;
        int lastEvent = -1;
        Located lastCoded = null; // how events.get(lastEvent) was coded, for a claim of responsibility after it
        EventCoder.When lastWhen = null;
        int paragraph = -1;
        int seq = 0;
        for (SentenceAnalysis sa : analysed) {
            if (sa.sentence().paragraph() != paragraph) {
                paragraph = sa.sentence().paragraph();
                paragraphAnchors.clear();
                lastPlace = null;
                // "... were killed in the fighting" in the next paragraph still counts the deaths of the event before
                lastEvent = lastEvent >= 0 && EARLIER_FIGHTING.matcher(sa.sentence().text()).find() ? lastEvent : -1;
            }
            if (lastEvent >= 0 && lastCoded != null) {
                // "A car bomb exploded in X, killing three civilians. Islamic State claimed responsibility."
                lastCoded = claimedBy(claimant(sa), lastCoded, events, lastEvent, report, lastWhen);
            }
            int eventsBefore = events.size();
            Map<PlaceMention, PlaceResolver.Anchor> anchorsHere = sentenceAnchors(resolver, sa, focus);
            List<PlaceResolver.Anchor> here = bySpecificity(anchorsHere);
            List<Located> located = new ArrayList<>();
            Frame orphanDeaths = null;
            for (Frame f : sa.frames()) {
                if (!f.modality().happened()) {
                    if (f.modality() == io.frontline.extract.Modality.PREDICTED) {
                        claims.add(coder.claim(report, f));
                    }
                    continue;
                }
                List<PlaceMention> ps = f.places();
                PlaceMention referent = ps.isEmpty() && f.region() == null && f.placeRef() != null
                        ? referent(referenceClass(f.placeRef()), sa, f, referents) : null;
                if (referent != null && (lastPlace == null || !referenceClass(f.placeRef()).equals(referenceClass(lastPlace.place())))) {
                    // "launched an assault on the airbase": the last airbase the report named, even paragraphs before
                    PlaceResolver.Resolution r = resolve(resolver, referent, here, false, paragraphAnchors, reportAnchors);
                    located.add(coreference(f, referent, r, 0.85, io.frontline.extract.Fatalities.total(f.fatalities())));
                    continue;
                }
                if (ps.isEmpty() && f.region() == null && f.placeRef() != null && lastPlace != null) {
                    // "shelled the village the next day": the village named before
                    located.add(new Located(f, lastPlace.place(), referenceResolution(lastPlace.resolution(), f.placeRef(), "coreference '" + f.placeRef()
                            + "' to the place named before", 0.9), io.frontline.extract.Fatalities.total(f.fatalities()),
                            "coreference:" + f.placeRef()));
                    continue;
                }
                if (!ps.isEmpty() && f.placeRef() != null) {
                    // "recaptured the town, along with four other villages, including X": the town named before, too
                    PlaceMention also = referent(referenceClass(f.placeRef()), sa, f, referents);
                    if (also == null && lastPlace != null && lastPlaceSentence < sa.sentence().index()) {
                        also = lastPlace.place();
                    }
                    PlaceMention coreferent = also;
                    if (coreferent != null && ps.stream().noneMatch(p -> p.name().equalsIgnoreCase(coreferent.name()))) {
                        PlaceResolver.Resolution r = resolve(resolver, coreferent, here, false, paragraphAnchors, reportAnchors);
                        located.add(coreference(f, coreferent, r, 0.8, 0));
                    }
                }
                boolean regionOnly = ps.isEmpty() && f.region() != null;
                if (regionOnly && sameActorHasPlace(sa, f)) {
                    continue; // "advanced in the X countryside and entered Y": one event, at Y
                }
                if (ps.isEmpty() && f.region() == null && f.placeRef() == null && lastPlace != null
                        && lastPlaceSentence == sa.sentence().index() - 1 && !f.actor1().isEmpty()
                        && (f.kind() == io.frontline.extract.TriggerClass.SUICIDE || f.kind() == io.frontline.extract.TriggerClass.IED)) {
                    // "ISIL launched an attack on the Division 17 base. The attack began with two suicide attacks.": the
                    // bombing of the next sentence, naming no place, happened where the attack did
                    located.add(new Located(f, lastPlace.place(), borrowed(lastPlace.resolution(),
                            "the place of the event of the sentence before", 0.8),
                            io.frontline.extract.Fatalities.total(f.fatalities()), "continuation"));
                    continue;
                }
                if (ps.isEmpty() && f.region() == null) {
                    if (!f.fatalities().isEmpty() && orphanDeaths == null) {
                        orphanDeaths = f; // placed below: on this sentence's event, or else on the event just reported
                    }
                    continue;
                }
                int deaths = io.frontline.extract.Fatalities.total(f.fatalities());
                boolean first = true;
                for (PlaceMention p : regionOnly ? List.of(f.region()) : ps) {
                    Map<PlaceMention, PlaceResolver.Anchor> itsAnchors = sameClauseAnchors(sa.sentence(), p, anchorsHere);
                    List<PlaceResolver.Anchor> itsHere = itsAnchors.size() == anchorsHere.size() ? here : bySpecificity(itsAnchors);
                    PlaceResolver.Anchor own = ownAnchor(p, itsAnchors);
                    // reference points bind, and so does a city said to contain the place ("the Damascus suburb of X")
                    boolean binding = own != null || itsAnchors.keySet().stream().anyMatch(m -> m.role() == PlaceMention.Role.ANCHOR
                            || m.relation() != null && m.relation().containment());
                    PlaceResolver.Resolution r = regionOnly ? regionResolution(resolver, p, itsHere, paragraphAnchors, reportAnchors)
                            : resolve(resolver, p, own != null ? List.of(own) : itsHere, binding, paragraphAnchors, reportAnchors);
                    located.add(new Located(f, p, r, first ? deaths : 0, null));
                    first = false;
                }
            }
            if (orphanDeaths != null) {
                int deaths = io.frontline.extract.Fatalities.total(orphanDeaths.fatalities());
                if (!located.isEmpty() && located.get(0).fatalities() == 0) {
                    // "fired on demonstrators in X, killing 3 protesters": the deaths of the event of this sentence
                    Located l0 = located.get(0);
                    located.set(0, new Located(l0.frame(), l0.place(), l0.resolution(), deaths, l0.via()));
                } else if (located.isEmpty() && lastEvent >= 0 && !anotherActor(orphanDeaths, events.get(lastEvent))) {
                    // "12 fighters were killed in the clashes": deaths of the event just reported
                    events.set(lastEvent, withFatalities(report, events.get(lastEvent), orphanDeaths.sentence(),
                            orphanDeaths.fatalities().get(0), deaths));
                }
            }
            // one battle event per place per sentence, the strongest claim about the place winning ("attacked and
            // captured X" is one capture); shelling, air strikes and bombs at the place are events of their own
            Map<String, Located> perPlace = new LinkedHashMap<>();
            for (Located l0 : located) {
                Located l = l0;
                if (l.frame().kind().isBattle() || l.frame().kind().changesControl()) {
                    // "took X after clashes with the jihadist factions": the clash names whom the capture was from
                    for (io.frontline.extract.Frame other : sa.frames()) {
                        if (other != l.frame() && other.kind().isBattle() && other.modality().happened()) {
                            io.frontline.extract.Frame shared = sharedOpponent(l.frame(), other);
                            if (shared != l.frame()) {
                                l = new Located(shared, l.place(), l.resolution(), l.fatalities(), l.via());
                                break;
                            }
                        }
                    }
                }
                io.frontline.extract.TriggerClass k = l.frame().kind();
                // "captured large parts of X, and by the next day had captured it": other days, other events
                String key = NameKey.phonetic(l.place().name()) + "|" + (k.isBattle() || k.changesControl() ? "battle" : k.name())
                        + "|" + dateOf(dates.get(sa.sentence().index()), l.frame()).date();
                Located prev = perPlace.get(key);
                if (prev != null && k.changesControl() && prev.frame().kind().changesControl() && reversal(prev.frame(), l.frame())) {
                    // "ISIL recaptured X, before the rebels seized it again": two changes of hands, two events
                    key = key + "|" + l.frame().actor1().get(0).actor().side();
                    prev = perPlace.get(key);
                }
                if (prev == null || l.frame().kind().strength > prev.frame().kind().strength) {
                    Located keep = prev == null ? l : new Located(sharedOpponent(l.frame(), prev.frame()), l.place(), l.resolution(),
                            Math.max(l.fatalities(), prev.fatalities()), l.via());
                    perPlace.put(key, keep);
                } else if (k.isBattle() || k.changesControl()) {
                    perPlace.put(key, new Located(sharedOpponent(prev.frame(), l.frame()), prev.place(), prev.resolution(),
                            prev.fatalities(), prev.via()));
                }
            }
            if (located.isEmpty() && lastEvent >= 0 && sa.frames().stream().noneMatch(f -> !f.places().isEmpty() || f.region() != null)) {
                // "2 civilians were killed." after the event it belongs to
                var counts = io.frontline.extract.Fatalities.find(sa.sentence().text());
                int deaths = io.frontline.extract.Fatalities.total(counts);
                Event last = events.get(lastEvent);
                if (deaths > 0 && sa.frames().stream().allMatch(f -> f.fatalities().isEmpty() && !anotherActor(f, last))) {
                    events.set(lastEvent, withFatalities(report, last, sa.sentence(), counts.get(0), deaths));
                }
            }
            List<EventCoder.When> whens = dates.get(sa.sentence().index());
            for (Located l : perPlace.values()) {
                EventCoder.When w = placeDate(whens, l.place(), dateOf(whens, l.frame()), sa.sentence());
                String placeKey = NameKey.phonetic(l.place().name());
                if (backgroundCapture(l.frame()) && holders.containsKey(placeKey)) {
                    continue; // "After Baboulin was captured, clashes took place": the capture told before, not another
                }
                Frame frame = withPreviousHolder(l.frame(), holders.get(placeKey));
                Event e = coder.code(report, eventId(report.id(), ++seq), frame, l.place(),
                        l.resolution(), w, l.fatalities());
                if (frame.kind().changesControl() && !frame.actor1().isEmpty() && frame.actor1().get(0).actor() != null) {
                    holders.put(placeKey, frame.actor1().get(0));
                }
                if (l.frame().actor1().isEmpty() && l.frame().actor2().isEmpty() && !l.frame().kind().codableWithoutActors()) {
                    seq--; // nobody named or inferable on either side: not an event ACLED could code
                    continue;
                }
                String dup = e.subEventType() + "|" + NameKey.phonetic(e.location()) + "|" + e.eventDate() + "|" + e.side1() + "|" + e.side2();
                if (seen.add(dup)) {
                    events.add(e);
                    lastEvent = events.size() - 1;
                    lastCoded = new Located(frame, l.place(), l.resolution(), l.fatalities(), l.via());
                    lastWhen = w;
                    if (l.place().referable()) {
                        lastPlace = l;
                        lastPlaceSentence = sa.sentence().index();
                    }
                } else {
                    seq--;
                }
                if (l.resolution().status().equals("resolved") && l.resolution().geoPrecision() == 1) {
                    paragraphAnchors.add(new PlaceResolver.Anchor(l.place().name(), l.resolution().point(), PARAGRAPH_RADIUS_KM,
                            Double.NaN, 0, "named earlier in the paragraph"));
                }
            }
            if (events.size() > eventsBefore && lastEvent >= eventsBefore && lastCoded != null) {
                // "a suicide bomber struck an army position ..., adding that al-Nusra had claimed the attack"
                lastCoded = claimedBy(claimant(sa), lastCoded, events, lastEvent, report, lastWhen);
            }
            for (PlaceMention p : sa.places()) {
                if (p.referable() && referenceClass(p) != null) {
                    referents.put(referenceClass(p), p);
                }
            }
            for (PlaceResolver.Anchor a : here) {
                paragraphAnchors.add(new PlaceResolver.Anchor(a.name(), a.point(), PARAGRAPH_RADIUS_KM, a.bearing(), a.offsetKm(),
                        a.why() + ", earlier in the paragraph"));
            }
        }
        return new Extraction(report, events, claims, candidates.find(analysed));
    }

    /**
     * A bombing or strike with no named perpetrator, claimed by {@code claimant}: the claimant is the perpetrator ACLED
     * codes (the claim its source), and its own side leaves the victims. The event is recoded in place; returns how it
     * is coded now ({@code lastCoded} unchanged when the claim does not apply).
     */
    private Located claimedBy(ActorMention claimant, Located lastCoded, List<Event> events, int lastEvent, Report report,
                              EventCoder.When lastWhen) {
        if (claimant == null || !lastCoded.frame().kind().isRemote() || !"unknown".equals(events.get(lastEvent).side1())
                || !(lastCoded.frame().actor1().isEmpty() || lastCoded.frame().actor1().get(0).actor() == null
                || "unknown".equals(lastCoded.frame().actor1().get(0).actor().side()))) {
            return lastCoded;
        }
        Frame f0 = lastCoded.frame();
        List<ActorMention> victims = f0.actor2().stream().filter(v -> v.actor() == null
                || !v.actor().side().equals(claimant.actor().side())).toList();
        Frame claimed = f0.withActors(List.of(claimant), "claimed-responsibility", victims, victims.isEmpty() ? "" : f0.actor2How());
        Event before = events.get(lastEvent);
        events.set(lastEvent, coder.code(report, before.eventId(), claimed, lastCoded.place(), lastCoded.resolution(), lastWhen,
                before.fatalities()));
        return new Located(claimed, lastCoded.place(), lastCoded.resolution(), lastCoded.fatalities(), lastCoded.via());
    }

    private static final Pattern CLAIMED = Pattern.compile("(?i)\\b(?:(?:claimed|claims|claiming|has claimed|took|takes)\\s+responsibility"
            + "|(?:claimed|claims|has claimed|had claimed)\\s+(?:the|this|that|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|"
            + "Friday's|Saturday's)\\s+(?:attack|bombing|blast|explosion|operation|assault))\\b");

    /** The armed group that "claimed responsibility" in this sentence, named before the words, or null. */
    private static ActorMention claimant(SentenceAnalysis sa) {
        Matcher m = CLAIMED.matcher(sa.sentence().text());
        if (!m.find()) {
            return null;
        }
        int at = sa.sentence().span().start() + m.start();
        ActorMention out = null;
        for (ActorMention a : sa.actors()) {
            if (a.span().end() <= at && a.actor() != null && a.actor().inter() <= 4 && !a.actor().side().equals("unknown")) {
                out = a;
            }
        }
        return out;
    }

    /** The report's id and the event's number of at least three digits ("-007"), as {@code "%03d"} writes it. */
    static String eventId(String reportId, int seq) {
        String n = Integer.toString(seq);
        StringBuilder b = new StringBuilder(reportId.length() + 4 + n.length()).append(reportId).append('-');
        for (int i = n.length(); i < 3; i++) {
            b.append('0');
        }
        return b.append(n).toString();
    }

    /**
     * A place taken with no loser named: the loser is whoever the report last said took it ("ISIL recaptured
     * Qabasin" after the rebels took Qabasin), rather than an opponent guessed from the rest of the report.
     */
    private static final Pattern BACKGROUND_CLAUSE = Pattern.compile("(?i)\\b(?:after|following|once|since)\\b[^,;]{0,60}$");

    /** A capture told again as the background of a clause: "after X was captured", with no taker named. */
    private static boolean backgroundCapture(Frame f) {
        if (f.kind() != io.frontline.extract.TriggerClass.TAKE || !f.passive() || "passive-by".equals(f.actor1How())) {
            return false;
        }
        int at = f.trigger().start() - f.sentence().span().start();
        return BACKGROUND_CLAUSE.matcher(f.sentence().text().substring(0, Math.max(0, at))).find();
    }

    private Frame withPreviousHolder(Frame f, ActorMention holder) {
        if (holder == null || !f.kind().changesControl() || f.actor1().isEmpty() || f.actor1().get(0).actor() == null
                || !(f.actor2().isEmpty() || f.actor2How().startsWith("context"))) {
            return f;
        }
        if (!sides.opposed(f.actor1().get(0).actor().side(), holder.actor().side())) {
            return f;
        }
        return f.withActors(f.actor1(), f.actor1How(), List.of(holder), "context:previous-holder-of-place");
    }

    /**
     * A frame whose actor is on neither side of the event before: "The Turkish military later carried out air strikes
     * ..., resulting in the deaths of 40 militants" after ISIL's rockets on Kilis is another event, not its toll.
     */
    private static boolean anotherActor(Frame f, Event last) {
        if (f.actor1().isEmpty() || f.actor1().get(0).actor() == null) {
            return false;
        }
        String side = f.actor1().get(0).actor().side();
        return !side.equals(last.side1()) && !side.equals(last.side2());
    }

    private static boolean sameActorHasPlace(SentenceAnalysis sa, Frame f) {
        for (Frame g : sa.frames()) {
            if (g != f && !g.places().isEmpty() && g.modality().happened() && sameSide(f, g) && !backgroundCapture(g)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSide(Frame f, Frame g) {
        if (f.actor1().isEmpty() || g.actor1().isEmpty()) {
            return true;
        }
        var a = f.actor1().get(0).actor();
        var b = g.actor1().get(0).actor();
        return a == null || b == null || a.side().equals(b.side());
    }

    /**
     * Resolves an event place. Reference points written in the sentence ("countryside of X", "near X", "3km from X")
     * are binding: candidates far from them are rejected. Regions merely named in the sentence ("the X area") are a
     * hint: where they reject every candidate, the paragraph and then the report decide.
     */
    private static PlaceResolver.Resolution resolve(PlaceResolver resolver, PlaceMention p, List<PlaceResolver.Anchor> sentence,
                                                    boolean binding, List<PlaceResolver.Anchor> paragraph,
                                                    Map<String, PlaceResolver.Anchor> report) {
        if (!sentence.isEmpty()) {
            PlaceResolver.Resolution r = resolver.resolve(p.name(), p.feature(), sentence);
            if (binding || r.status().equals("resolved")) {
                return r;
            }
        }
        List<PlaceResolver.Anchor> tier = !paragraph.isEmpty() ? paragraph : new ArrayList<>(report.values());
        PlaceResolver.Resolution r = resolver.resolve(p.name(), p.feature(), tier);
        if (!r.status().equals("resolved")) {
            // a large town needs no anchor: accept it when the only context is the paragraph's or the report's
            PlaceResolver.Resolution free = resolver.resolve(p.name(), p.feature(), List.of());
            if (free.place() != null && free.place().population() >= 50_000) {
                return free;
            }
            if (!sentence.isEmpty()) {
                // a name the gazetteer lacks ("X in Hama province") is placed by its own sentence's reference points
                // before the paragraph's or the report's
                return resolver.resolve(p.name(), p.feature(), sentence);
            }
        }
        return r;
    }

    private static PlaceResolver.Resolution regionResolution(PlaceResolver resolver, PlaceMention p, List<PlaceResolver.Anchor> sentence,
                                                      List<PlaceResolver.Anchor> paragraph, Map<String, PlaceResolver.Anchor> report) {
        PlaceResolver.Resolution r = resolve(resolver, p, sentence, true, paragraph, report);
        if (r.point() == null) {
            return r;
        }
        boolean province = p.feature() != null && (p.feature().equals("province") || p.feature().equals("governorate"));
        GeoPoint pt = province ? r.point() : anchor(p, r.point()).point();
        String what = p.role() == PlaceMention.Role.ANCHOR ? (p.relation() == null ? "near" : p.relation().kind()) + " " + p.name()
                : "region: " + p.feature() + " of " + p.name();
        return new PlaceResolver.Resolution(p.fullName(), r.place(), pt, province ? 3 : 2, r.admin1(), "region",
                what + "; " + r.method(), Math.round(r.confidence() * 80) / 100.0, r.rejected());
    }
}
