package io.frontline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontline.text.CalendarDates;
import io.frontline.text.Lexicon;
import io.frontline.text.Span;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a saved web page into a {@link Report} whose text is the article body.
 *
 * <p>Metadata comes from {@code <title>}, OpenGraph and {@code article:} meta tags, JSON-LD
 * ({@code NewsArticle}: headline, datePublished, author, publisher, url) and the canonical link. The article
 * is the {@code <article>}, {@code <main>} or the element holding most paragraph text; navigation, headers,
 * footers, asides, share bars, comments, related links, adverts, forms, scripts and styles are dropped by
 * element and by class or id. The remaining blocks then go through the same paragraph rules as a text report
 * (bylines, datelines, the furniture lexicon: donation appeals, book adverts, disclaimers ...).
 *
 * <p>The report's text is the body itself, paragraphs separated by blank lines ({@link Report#offsetsIn()} is
 * {@code body}); each dropped block is listed in {@link Report#removed()} as an empty span at the place in the
 * body where it stood.
 */
public final class HtmlReportReader {
    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "video", "audio", "map", "head", "meta", "link", "select", "button", "input",
            "textarea");
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "dd", "dt",
            "address", "blockquote", "div", "section", "article", "main", "ul", "ol", "dl", "table", "figure",
            "header", "footer", "nav", "aside", "form", "hr", "tr", "td", "th", "tbody", "thead", "center", "details",
            "summary", "figcaption", "body");
    /** Class or id words that mark furniture, with the kind recorded in {@code removed}. */
    private static final List<Furniture> FURNITURE_CLASSES = List.of(
            new Furniture(Pattern.compile("^(comments?|comment-?list|comment-?respond|respond|disqus(_thread)?|discussion|replies)$"), "comments"),
            new Furniture(Pattern.compile("^(share|shares|sharing|share-?bar|share-?buttons|social|social-?share|social-?links|sociable|addthis|sharethis|sharedaddy)$"), "social"),
            new Furniture(Pattern.compile("^(related|related-?(posts|articles|links|stories|content)|read-?more|more-?stories|recommended|also-?read|jp-relatedposts|yarpp)$"), "related"),
            new Furniture(Pattern.compile("^(ad|ads|advert|adverts|advertisement|advertising|ad-?slot|ad-?container|sponsor|sponsored|promo|promoted|outbrain|taboola|banner)$"), "advert"),
            new Furniture(Pattern.compile("^(donate|donation|donations|support-?us|patreon|fundraising)$"), "donation"),
            new Furniture(Pattern.compile("^(book|books|shop|store|book-?promo)$"), "book-advert"),
            new Furniture(Pattern.compile("^(newsletter|subscribe|subscription|signup|sign-?up|mailing-?list|membership)$"), "membership"),
            new Furniture(Pattern.compile("^(nav|navbar|navigation|menu|main-?menu|breadcrumbs?|pagination|pager|skip-?link)$"), "navigation"),
            new Furniture(Pattern.compile("^(sidebar|secondary|widget|widgets|widget-?area|aside)$"), "aside"),
            new Furniture(Pattern.compile("^(site-?header|masthead|top-?bar|page-?header|site-?title|site-?branding)$"), "header"),
            new Furniture(Pattern.compile("^(site-?footer|page-?footer|colophon|footer)$"), "footer"),
            new Furniture(Pattern.compile("^(cookie|cookies|cookie-?banner|gdpr|consent|popup|modal|overlay)$"), "notice"),
            new Furniture(Pattern.compile("^(tags|tag-?list|post-?tags|categories|post-?categories|author-?bio|about-?author|entry-?meta|post-?meta|article-?meta|posted-?on|entry-?footer)$"), "metadata"));
    /** Line breaks and runs of spaces in the HTML source are one space; only {@code <br>} breaks a line. */
    private static final Pattern SOURCE_WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
    private static final Set<String> LINK_CONTAINERS = Set.of("ul", "ol", "dl", "div", "section", "p");
    /** Containers nested deeper than this inside the article are read as one block. */
    private static final int MAX_DEPTH = 150;
    /** Words that mark furniture only as a whole class name ("ad", not "ad" in "load-ad"; "secondary", not "text-secondary"). */
    private static final Set<String> WHOLE_WORD_ONLY = Set.of("ad", "banner", "secondary", "aside", "book", "store", "shop", "promo", "modal", "overlay");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Furniture(Pattern word, String kind) {
    }

    private final TextReportReader paragraphs;

    public HtmlReportReader(Lexicon furniture) {
        this.paragraphs = new TextReportReader(furniture);
    }

    /** Reads one page; {@code file} is the name it is known by. */
    public Report read(String file, String html) {
        return read(file, html, null);
    }

    /**
     * Reads one page or fragment of HTML; {@code knownTitle} (a feed item's title, or null) is the title where the
     * page names none, so that a heading repeating it is not taken for body text.
     */
    public Report read(String file, String html, String knownTitle) {
        Document doc = Jsoup.parse(html);
        PageMeta meta = metadata(doc);
        if (meta.title == null) {
            meta.title = knownTitle;
        }
        if (meta.title == null) {
            Element h1 = doc.selectFirst("h1");
            meta.title = h1 == null || h1.text().isBlank() ? null : h1.text().strip();
        }
        Element root = articleRoot(doc);

        List<BodyDraft.Piece> pieces = new ArrayList<>();
        walkPage(doc.body(), root, root.text().length(), pieces);
        int pageText = pieces.stream().filter(p -> p.text() != null).mapToInt(p -> p.text().length()).sum();
        if (meta.articleBody != null && pageText < 200 && meta.articleBody.length() > pageText) {
            // a page whose text is rendered by script: the JSON-LD articleBody is the article
            pieces = new ArrayList<>(BodyDraft.paragraphs(meta.articleBody));
            pieces.add(0, new BodyDraft.Piece(null, false, new Removed(new Span(0, 0), "outside-article", "html:body-replaced-by-json-ld-articleBody")));
        }

        Report first = BodyDraft.read(paragraphs, file, meta.title, pieces);
        String title = meta.title != null ? meta.title : first.title();
        String publisher = meta.publisher != null ? meta.publisher : first.publisher();
        LocalDate published = meta.published != null ? meta.published : first.published();
        String original = first.originalSource() != null ? first.originalSource() : meta.originalSource;
        LinkedHashSet<String> authors = new LinkedHashSet<>(meta.authors);
        authors.addAll(first.authors());
        return first.withMetadata(title, publisher, original, published, new ArrayList<>(authors)).located(meta.url, Report.IN_BODY);
    }

    private static String words(String s) {
        return BodyDraft.words(s);
    }

    // ---- the article's element ---------------------------------------------------------------------------

    /**
     * The element holding the article: the {@code <article>} (or {@code articleBody}, {@code <main>}) with the
     * most paragraph text, else the element whose paragraphs (its own, and half of its children's) hold the most
     * text, else the body.
     */
    static Element articleRoot(Document doc) {
        // whether an element is inside furniture, remembered per element: a deeply nested page would otherwise walk
        // thousands of ancestors for every paragraph
        java.util.Map<Element, Boolean> furniture = new java.util.IdentityHashMap<>();
        Element best = null;
        int bestLen = 0;
        for (Element e : doc.select("article, [itemprop=articleBody], main, [role=main]")) {
            if (furnitureKind(e) != null) {
                continue;
            }
            int len = paragraphText(e, furniture);
            boolean tighter = best != null && e.parents().contains(best) && !e.tagName().equals("main") && len >= bestLen * 0.8;
            if (len > bestLen || tighter) {
                best = e;
                bestLen = len;
            }
        }
        if (best != null && bestLen >= 200) {
            return best;
        }
        // the element holding the most paragraph text: a paragraph counts fully for its parent and half for the
        // grandparent, so that paragraphs wrapped one by one in their own elements still find their container
        java.util.Map<Element, Integer> score = new java.util.HashMap<>();
        for (Element p : doc.select("p")) {
            if (p.parent() == null || insideFurniture(p, furniture)) {
                continue;
            }
            int len = p.text().length();
            score.merge(p.parent(), len, Integer::sum);
            if (p.parent().parent() != null) {
                score.merge(p.parent().parent(), len / 2, Integer::sum);
            }
        }
        Element top = score.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(null);
        if (top != null && score.get(top) >= 200) {
            return top;
        }
        return best != null ? best : doc.body();
    }

    private static int paragraphText(Element e, java.util.Map<Element, Boolean> furniture) {
        int n = 0;
        for (Element p : e.select("p")) {
            if (!insideFurniture(p, furniture)) {
                n += p.text().length();
            }
        }
        return n;
    }

    /** Whether {@code e} or an ancestor below the nearest article or main is furniture; {@code known} remembers answers. */
    private static boolean insideFurniture(Element e, java.util.Map<Element, Boolean> known) {
        List<Element> path = new ArrayList<>();
        boolean answer = false;
        for (Element a = e; a != null; a = a.parent()) {
            Boolean k = known.get(a);
            if (k != null) {
                answer = k;
                break;
            }
            if (a.tagName().equals("article") || a.tagName().equals("main")) {
                known.put(a, false);
                answer = false;
                break;
            }
            path.add(a);
            if (furnitureKind(a) != null) {
                answer = true;
                break;
            }
        }
        for (Element a : path) {
            known.put(a, answer);
        }
        return answer;
    }

    /** The furniture kind of an element by its tag, role, class or id; null for content. */
    static String furnitureKind(Element e) {
        String tag = e.tagName();
        switch (tag) {
            case "nav" -> {
                return "navigation";
            }
            case "aside" -> {
                return "aside";
            }
            case "form" -> {
                return "form";
            }
            default -> {
            }
        }
        if (e.hasAttr("hidden") || e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none")
                || e.attr("aria-hidden").equals("true")) {
            return "hidden";
        }
        switch (e.attr("role").toLowerCase(Locale.ROOT)) {
            case "navigation" -> {
                return "navigation";
            }
            case "banner" -> {
                return "header";
            }
            case "contentinfo" -> {
                return "footer";
            }
            case "complementary" -> {
                return "aside";
            }
            default -> {
            }
        }
        for (String word : (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            for (Furniture f : FURNITURE_CLASSES) {
                if (f.word.matcher(word).matches()) {
                    return f.kind;
                }
            }
            // compound class names: "post-share-buttons", "comments-area", "related_posts"
            for (String part : word.split("[-_]")) {
                for (Furniture f : FURNITURE_CLASSES) {
                    if (!f.kind.equals("header") && !f.kind.equals("footer") && !f.kind.equals("metadata")
                            && !WHOLE_WORD_ONLY.contains(part) && f.word.matcher(part).matches()) {
                        return f.kind;
                    }
                }
            }
        }
        return null;
    }

    // ---- blocks ----------------------------------------------------------------------------------------------

    /** Walks the page: the article's blocks are read; what lies outside it is recorded as removed. */
    private static void walkPage(Element body, Element root, int rootLength, List<BodyDraft.Piece> out) {
        // down the chain of the article's ancestors (a loop: pages can nest deep); siblings are furniture
        Set<Element> chain = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        chain.addAll(root.parents());
        java.util.Deque<List<BodyDraft.Piece>> after = new java.util.ArrayDeque<>();
        Element e = body;
        while (e != null && e != root) {
            Element next = null;
            List<BodyDraft.Piece> tail = new ArrayList<>();
            for (Element child : e.children()) {
                if (child == root || chain.contains(child)) {
                    next = child;
                } else if (!NEVER_TEXT.contains(child.tagName()) && !child.text().isBlank()) {
                    String kind = furnitureKind(child);
                    if (kind == null) {
                        kind = switch (child.tagName()) {
                            case "header" -> "header";
                            case "footer" -> "footer";
                            default -> "outside-article";
                        };
                    }
                    (next == null ? out : tail).add(new BodyDraft.Piece(null, false, new Removed(new Span(0, 0), kind, "html:" + describe(child))));
                }
            }
            after.push(tail);
            e = next;
        }
        if (e == root) {
            walkArticle(root, rootLength, 0, out);
        }
        while (!after.isEmpty()) {
            out.addAll(after.pop());
        }
    }

    private static void walkArticle(Element e, int rootLength, int depth, List<BodyDraft.Piece> out) {
        StringBuilder inline = new StringBuilder();
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                inline.append(SOURCE_WHITESPACE.matcher(t.getWholeText()).replaceAll(" "));
                continue;
            }
            if (!(n instanceof Element child)) {
                continue;
            }
            String tag = child.tagName();
            if (NEVER_TEXT.contains(tag)) {
                continue;
            }
            String kind = furnitureKind(child);
            if (kind == null && tag.equals("footer")) {
                kind = "footer";
            }
            if (kind == null && tag.equals("header") && child.select("h1").isEmpty()) {
                kind = "header";
            }
            if (kind == null && (tag.equals("figure") || tag.equals("figcaption"))) {
                kind = "image";
            }
            if (kind == null && tag.equals("table")) {
                kind = "table";
            }
            if (kind == null && LINK_CONTAINERS.contains(tag) && linkDensity(child) >= 0.8) {
                kind = "related"; // a list or box of links: related stories, tags, more from the site
            }
            if (kind != null && rootLength > 500 && child.text().length() > 0.6 * rootLength) {
                kind = null; // never drop most of the article on a class name
            }
            if (kind != null) {
                flush(inline, out);
                if (!child.text().isBlank()) {
                    out.add(new BodyDraft.Piece(null, false, new Removed(new Span(0, 0), kind, "html:" + describe(child))));
                }
                continue;
            }
            if (tag.equals("br")) {
                inline.append('\n');
            } else if (!BLOCKS.contains(tag)) {
                inline.append(textOf(child));
            } else if (isLeafBlock(child)) {
                flush(inline, out);
                String t = clean(textOf(child));
                if (!t.isEmpty()) {
                    out.add(piece(t, tag.matches("h[1-6]")));
                }
            } else if (depth >= MAX_DEPTH) {
                flush(inline, out); // nested deeper than any real page: read the rest as one block
                String t = clean(textOf(child));
                if (!t.isEmpty()) {
                    out.add(piece(t, false));
                }
            } else {
                flush(inline, out);
                walkArticle(child, rootLength, depth + 1, out);
            }
        }
        flush(inline, out);
    }

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");
    /** A date and nothing else, perhaps after "Published:" or a weekday; a dateline naming a place or outlet is not one. */
    private static final Pattern DATE_ONLY = Pattern.compile("(?i)^((published|posted|updated|last updated|date|on)\\s*:?\\s*)?"
            + "((mon|tues|wednes|thurs|fri|satur|sun)day,?\\s*)?(\\d|(" + io.frontline.text.Months.PATTERN + ")\\b)[\\d ,.:/-]*"
            + "(\\b(" + io.frontline.text.Months.PATTERN + ")\\b[\\d ,.:/-]*)?(am|pm|gmt|utc)?[\\d ,.:/-]*$");

    /** A block of text; a block that is only a date ("September 14, 2017", "Updated: 14/09/2017 10:30") is metadata. */
    private static BodyDraft.Piece piece(String text, boolean heading) {
        if (text.length() <= 60 && text.split("\\s+").length <= 7 && DATE_ONLY.matcher(text).matches()
                && (date(text) != null || YEAR.matcher(text).find())
                && !text.matches("(?i).*\\b(killed|captured|attack|clash|shell|took|seized|entered)\\w*\\b.*")) {
            return new BodyDraft.Piece(null, false, new Removed(new Span(0, 0), "metadata", "html:date-line"));
        }
        return new BodyDraft.Piece(text, heading, null);
    }

    /** The share of an element's text that is link text. */
    private static double linkDensity(Element e) {
        int all = e.text().length();
        if (all == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a[href]")) {
            links += a.text().length();
        }
        return (double) links / all;
    }

    /** A block element holding no other block elements (a paragraph, a heading, a list item of text). */
    private static boolean isLeafBlock(Element e) {
        for (Element d : e.getAllElements()) {
            if (d != e && BLOCKS.contains(d.tagName())) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder inline, List<BodyDraft.Piece> out) {
        String t = clean(inline.toString());
        inline.setLength(0);
        if (!t.isEmpty()) {
            out.add(piece(t, false));
        }
    }

    /** Text of an element: whitespace of the source collapses; {@code <br>} is a line break; scripts are skipped. */
    private static String textOf(Element e) {
        StringBuilder sb = new StringBuilder();
        appendText(e, sb);
        return sb.toString();
    }

    private static void appendText(Node n, StringBuilder sb) {
        // iterative: a hostile page nested thousands deep must not overflow the stack
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(SOURCE_WHITESPACE.matcher(t.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element el) {
                    if (NEVER_TEXT.contains(el.tagName())) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (el.tagName().equals("br")) {
                        sb.append('\n');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, n);
    }

    /**
     * Collapses source whitespace; a {@code <br>} is a line break and two or more in a row a paragraph break
     * (pages that separate paragraphs with {@code <br><br>} rather than {@code <p>}).
     */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (String line : s.split("\n", -1)) {
            String l = line.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
            if (l.isEmpty()) {
                gap = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(gap ? "\n\n" : "\n");
            }
            out.append(l);
            gap = false;
        }
        return out.toString();
    }

    private static String describe(Element e) {
        StringBuilder sb = new StringBuilder(e.tagName());
        if (!e.id().isEmpty()) {
            sb.append('#').append(e.id());
        }
        for (String c : e.classNames()) {
            sb.append('.').append(c);
            break;
        }
        return sb.toString();
    }

    // ---- metadata ------------------------------------------------------------------------------------------

    private static final class PageMeta {
        String title;
        String publisher;
        String originalSource;
        LocalDate published;
        String url;
        String articleBody;
        final List<String> authors = new ArrayList<>();
    }

    private static PageMeta metadata(Document doc) {
        PageMeta m = new PageMeta();
        JsonLd ld = jsonLd(doc);
        m.title = firstNonBlank(meta(doc, "og:title"), ld.headline, meta(doc, "twitter:title"), pageTitle(doc, meta(doc, "og:site_name")));
        m.publisher = firstNonBlank(meta(doc, "og:site_name"), ld.publisher, meta(doc, "publisher"), meta(doc, "application-name"));
        m.published = date(firstNonBlank(meta(doc, "article:published_time"), ld.datePublished, meta(doc, "date"),
                meta(doc, "pubdate"), meta(doc, "dc.date"), meta(doc, "dcterms.date"), meta(doc, "datepublished"),
                attr(doc.selectFirst("time[datetime]"), "datetime")));
        m.url = firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "abs:href"), attr(doc.selectFirst("link[rel=canonical]"), "href"),
                meta(doc, "og:url"), ld.url);
        m.originalSource = firstNonBlank(meta(doc, "original-source"), attr(doc.selectFirst("link[rel=original-source]"), "href"),
                meta(doc, "syndication-source"));
        for (String a : List.of(nz(meta(doc, "author")), nz(meta(doc, "article:author")))) {
            for (String name : a.split("\\s*,\\s*|\\s+and\\s+")) {
                if (!name.isBlank() && !name.contains("://")) {
                    m.authors.add(name.strip());
                }
            }
        }
        m.authors.addAll(ld.authors);
        m.articleBody = ld.articleBody;
        for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name], .byline .author, .author-name")) {
            String t = e.text().strip();
            if (!t.isEmpty() && t.length() < 80) {
                m.authors.add(t.replaceFirst("(?i)^by\\s+", ""));
            }
        }
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(m.authors));
        m.authors.clear();
        m.authors.addAll(unique);
        return m;
    }

    private record JsonLd(String headline, String datePublished, String publisher, String url, List<String> authors, String articleBody) {
    }

    /** The first {@code NewsArticle}-like object of the page's JSON-LD (also inside {@code @graph}); malformed JSON-LD is ignored. */
    private static JsonLd jsonLd(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode root = JSON.readTree(s.data());
                Optional<JsonNode> article = findArticle(root);
                if (article.isPresent()) {
                    JsonNode a = article.get();
                    List<String> authors = new ArrayList<>();
                    JsonNode au = a.path("author");
                    for (JsonNode x : au.isArray() ? au : List.of(au)) {
                        String name = x.isTextual() ? x.asText() : x.path("name").asText("");
                        if (!name.isBlank()) {
                            authors.add(name.strip());
                        }
                    }
                    JsonNode pub = a.path("publisher");
                    String publisher = pub.isTextual() ? pub.asText() : pub.path("name").asText(null);
                    JsonNode main = a.path("mainEntityOfPage");
                    String url = a.path("url").asText(main.isTextual() ? main.asText() : main.path("@id").asText(null));
                    String body = a.path("articleBody").asText(null);
                    return new JsonLd(a.path("headline").asText(null), a.path("datePublished").asText(null), publisher, url, authors,
                            body == null || body.isBlank() ? null : body);
                }
            } catch (Exception e) {
                // not JSON: the page's other metadata still counts
            }
        }
        return new JsonLd(null, null, null, null, List.of(), null);
    }

    private static Optional<JsonNode> findArticle(JsonNode n) {
        if (n == null) {
            return Optional.empty();
        }
        if (n.isArray()) {
            for (JsonNode x : n) {
                Optional<JsonNode> f = findArticle(x);
                if (f.isPresent()) {
                    return f;
                }
            }
            return Optional.empty();
        }
        if (n.isObject()) {
            JsonNode type = n.path("@type");
            String t = type.isArray() && type.size() > 0 ? type.get(0).asText() : type.asText("");
            if (t.endsWith("Article") || t.equals("Report") || t.equals("BlogPosting")) {
                return Optional.of(n);
            }
            return findArticle(n.get("@graph"));
        }
        return Optional.empty();
    }

    private static String meta(Document doc, String name) {
        for (Element e : doc.select("meta[property], meta[name], meta[itemprop]")) {
            String key = firstNonBlank(e.attr("property"), e.attr("name"), e.attr("itemprop"));
            if (key != null && key.equalsIgnoreCase(name)) {
                String v = e.attr("content").strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The {@code <title>}, without a trailing " | Site name" or " - Site name". */
    private static String pageTitle(Document doc, String site) {
        String t = doc.title().strip();
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = Pattern.compile("^(.{10,}?)\\s+[|–—-]\\s+([^|–—-]{2,60})$").matcher(t);
        if (m.matches() && (site == null || words(m.group(2)).equals(words(site)) || m.group(2).length() < 40)) {
            return m.group(1).strip();
        }
        return t;
    }

    static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        Matcher iso = ISO_DATE.matcher(s);
        if (iso.find()) {
            return CalendarDates.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))).orElse(null);
        }
        return CalendarDates.find(s).orElse(null);
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String firstNonBlank(String... xs) {
        for (String x : xs) {
            if (x != null && !x.isBlank()) {
                return x.strip();
            }
        }
        return null;
    }
}
