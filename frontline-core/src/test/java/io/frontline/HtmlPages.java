package io.frontline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds web pages around reports of {@code ../shared} at test time (no article prose is stored in the
 * repository): a page in another outlet's style, with its own navigation, share bar, comments and related links.
 */
public final class HtmlPages {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)\\]\\(([^)\\n]*)\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");

    private HtmlPages() {
    }

    /** The paragraphs of a text report (blocks between blank lines), Markdown kept. */
    public static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** A text report as an article page of a fictitious outlet: its first paragraph is the headline. */
    public static String articlePage(String text, String canonical) {
        List<String> ps = paragraphs(text);
        String title = inline(ps.get(0).replaceAll("[*#]", ""));
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>").append(title).append(" | The Test Observer</title>\n")
                .append("<link rel=\"canonical\" href=\"").append(canonical).append("\">\n")
                .append("<meta property=\"og:site_name\" content=\"The Test Observer\">\n")
                .append("<meta property=\"article:published_time\" content=\"2017-09-15T09:00:00Z\">\n")
                .append("<style>body{font-family:serif} .share-bar{display:flex}</style>\n")
                .append("<script>var tracker = 'ISIS attacked the script village of Scriptville'; window.dataLayer=[];</script>\n")
                .append("</head><body>\n")
                .append("<header class=\"site-header\"><a href=\"/\">The Test Observer</a>\n")
                .append("<nav><ul><li><a href=\"/world\">World</a></li><li><a href=\"/middle-east\">Middle East</a></li>")
                .append("<li><a href=\"/opinion\">Opinion</a></li></ul></nav></header>\n")
                .append("<div class=\"layout\"><article class=\"story\">\n<h1>").append(title).append("</h1>\n")
                .append("<div class=\"share-bar\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a> <a href=\"#\">Email</a></div>\n")
                .append("<div class=\"story-body\">\n");
        for (String p : ps.subList(1, ps.size())) {
            sb.append("<p>").append(inline(p).replace("\n", "<br>\n")).append("</p>\n");
        }
        sb.append("<p>Read more:</p><ul><li><a href=\"/c\">Rebels shell Listville as talks stall</a></li>")
                .append("<li><a href=\"/d\">Army reinforces positions near Linkville</a></li></ul>\n");
        sb.append("<script>document.write('Turkish jets bombed Scriptville killing 99 people');</script>\n")
                .append("</div>\n")
                .append("<section id=\"comments\" class=\"comments\"><h3>3 comments</h3>")
                .append("<div class=\"comment\"><p>Reader one: the army shelled my cousin's village of Testville yesterday, great report.</p></div>")
                .append("<div class=\"comment\"><p>Reader two: fake news.</p></div></section>\n")
                .append("</article>\n<aside class=\"sidebar\"><h3>Most read</h3><p>Rebels seized the town of Sidebarville.</p></aside>\n")
                .append("<div class=\"related-posts\"><h3>Related</h3><ul><li><a href=\"/a\">Government forces advance near Relatedville</a></li>")
                .append("<li><a href=\"/b\">Clashes continue in the north</a></li></ul></div></div>\n")
                .append("<footer class=\"site-footer\"><p>© 2017 The Test Observer. All rights reserved.</p></footer>\n")
                .append("</body></html>\n");
        return sb.toString();
    }

    /**
     * A text report as a blog page in the style of a WordPress theme: no {@code <article>} or {@code <main>}, the
     * article in nested {@code div}s, a sidebar of widgets, share and related-posts blocks inside the entry, a
     * comment area and a JSON-LD block.
     */
    public static String blogPage(String text) {
        List<String> ps = paragraphs(text);
        String title = inline(ps.get(0).replaceAll("[*#]", ""));
        StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>").append(title).append(" &#8211; Desert Blog</title>\n")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\",")
                .append("\"headline\":\"").append(title.replace("\"", "")).append("\",\"datePublished\":\"2017-09-16T07:00:00+00:00\",")
                .append("\"author\":{\"@type\":\"Person\",\"name\":\"Blog Admin\"},\"publisher\":{\"@type\":\"Organization\",\"name\":\"Desert Blog\"}}</script>\n")
                .append("</head><body class=\"post-template-default single\">\n")
                .append("<div id=\"page\"><div id=\"masthead\"><div class=\"site-title\">Desert Blog</div>")
                .append("<div class=\"menu-main-container\"><ul id=\"menu-main\" class=\"menu\"><li class=\"menu-item\">Home</li><li class=\"menu-item\">Archive</li></ul></div></div>\n")
                .append("<div id=\"content\" class=\"site-content\"><div id=\"primary\"><div class=\"post-1234 post type-post hentry\">\n")
                .append("<h1 class=\"entry-title\">").append(title).append("</h1>\n")
                .append("<div class=\"entry-meta\">Posted on September 16, 2017 by Blog Admin</div>\n<div class=\"entry-content\">\n");
        for (String p : ps.subList(1, ps.size())) {
            sb.append("<p>").append(inline(p).replace("\n", "<br>")).append("</p>\n");
        }
        sb.append("<div class=\"sharedaddy sd-sharing-enabled\"><h3>Share this:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>\n")
                .append("<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3>Related</h3><p>Rebels shell Blogville, 12 dead</p></div>\n")
                .append("</div></div>\n<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\"><li>")
                .append("<p>The air force bombed Commentville this morning.</p></li></ol>")
                .append("<div id=\"respond\"><form><textarea>Leave a reply</textarea></form></div></div></div>\n")
                .append("<div id=\"secondary\" class=\"widget-area\"><div class=\"widget\"><h2>Recent posts</h2><ul><li>Army enters Widgetville</li></ul></div></div>\n")
                .append("</div><div id=\"colophon\"><p>Proudly powered by a blog engine</p></div></div></body></html>\n");
        return sb.toString();
    }

    /** Markdown inline markup as HTML, text escaped. */
    public static String inline(String md) {
        StringBuilder sb = new StringBuilder();
        Matcher m = LINK.matcher(md);
        int at = 0;
        while (m.find()) {
            sb.append(plain(md.substring(at, m.start())));
            sb.append("<a href=\"").append(escape(m.group(2))).append("\">").append(plain(m.group(1))).append("</a>");
            at = m.end();
        }
        sb.append(plain(md.substring(at)));
        return sb.toString();
    }

    private static String plain(String s) {
        String t = s.replaceAll("\\*\\*+|__+", "").replaceAll("\\\\(?=\\p{Punct})", "");
        Matcher m = AUTOLINK.matcher(t);
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (m.find()) {
            sb.append(escape(t.substring(at, m.start()))).append("<a href=\"").append(escape(m.group(1))).append("\">")
                    .append(escape(m.group(1))).append("</a>");
            at = m.end();
        }
        return sb.append(escape(t.substring(at))).toString();
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
