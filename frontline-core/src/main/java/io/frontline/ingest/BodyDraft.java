package io.frontline.ingest;

import io.frontline.text.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns blocks of text taken from a page, a feed item or a JSON line into a report whose text is the body:
 * the blocks go through the text reader's paragraph rules (title, byline, dateline, furniture lexicon), and
 * the kept paragraphs and headings, separated by blank lines, become the report's text. Dropped blocks are
 * listed in {@code removed} as empty spans where they stood in the body.
 */
final class BodyDraft {
    private static final Pattern HEADING_MARK = Pattern.compile("^#{1,6}\\s+");

    /** A block of text (a paragraph or a heading), or a marker for a dropped element. */
    record Piece(String text, boolean heading, Removed removed) {
    }

    private BodyDraft() {
    }

    /** Blocks of a plain text: the paragraphs between blank lines. */
    static List<Piece> paragraphs(String text) {
        List<Piece> out = new ArrayList<>();
        for (String p : text.replace("\r\n", "\n").split("\n[ \t\u00A0]*\n")) {
            String t = p.strip();
            if (!t.isEmpty()) {
                out.add(new Piece(t.replaceAll("[ \t\u00A0]+", " ").replaceAll(" ?\n ?", "\n"), false, null));
            }
        }
        return out;
    }

    /** Reads blocks into a body report; {@code title}, where known, is the report's title and is not part of the body. */
    static Report read(TextReportReader reader, String file, String title, List<Piece> pieces) {
        // the blocks through the text reader's paragraph rules (title, byline, dateline, furniture lexicon)
        StringBuilder draft = new StringBuilder();
        if (title != null && !title.isBlank()) {
            // the title line: short and without a final full stop, so that the text reader takes it as the title
            String line = title.replaceAll("\\s+", " ").strip();
            line = line.substring(0, Math.min(line.length(), 200)).replaceAll("[.\\s]+$", "");
            draft.append(line.isEmpty() ? "Untitled" : line).append("\n\n");
        }
        List<Integer> markerAt = new ArrayList<>(); // draft offsets of the structural markers
        List<Removed> structural = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.removed != null) {
                markerAt.add(draft.length());
                structural.add(p.removed);
                continue;
            }
            if (p.heading && title != null && sameWords(p.text, title)) {
                markerAt.add(draft.length());
                structural.add(new Removed(new Span(0, 0), "metadata", "html:title-heading"));
                continue;
            }
            draft.append(p.heading ? "## " + p.text.replace('\n', ' ') : p.text).append("\n\n");
        }
        Report first = reader.read(file, draft.toString());

        // the body: kept paragraphs and headings, separated by blank lines; removed blocks as empty spans
        List<Span> kept = new ArrayList<>(first.paragraphs());
        kept.addAll(first.headings());
        kept.sort(null);
        StringBuilder text = new StringBuilder();
        StringBuilder analysis = new StringBuilder();
        List<Span> paras = new ArrayList<>();
        List<Span> heads = new ArrayList<>();
        List<int[]> moves = new ArrayList<>(); // draft offset -> body offset at each kept block start
        for (Span s : kept) {
            boolean heading = first.headings().contains(s);
            int from = s.start();
            if (heading) {
                Matcher m = HEADING_MARK.matcher(first.text().substring(s.start(), s.end()));
                if (m.find()) {
                    from += m.end();
                }
            }
            if (from >= s.end()) {
                continue;
            }
            if (text.length() > 0) {
                text.append("\n\n");
                analysis.append("\n\n");
            }
            moves.add(new int[]{s.start(), text.length()});
            int start = text.length();
            text.append(first.text(), from, s.end());
            analysis.append(first.analysisText(), from, s.end());
            (heading ? heads : paras).add(new Span(start, text.length()));
        }
        List<Removed> removed = new ArrayList<>();
        for (Removed r : first.removed()) {
            int at = bodyOffset(moves, r.span().start(), text.length());
            removed.add(new Removed(new Span(at, at), r.kind(), r.rule()));
        }
        for (int i = 0; i < structural.size(); i++) {
            Removed r = structural.get(i);
            int at = bodyOffset(moves, markerAt.get(i), text.length());
            removed.add(new Removed(new Span(at, at), r.kind(), r.rule()));
        }
        removed.sort(Comparator.comparing(Removed::span));
        String body = text.toString();
        return new Report(TextReportReader.idOf(body), file, title != null ? title : first.title(), first.publisher(),
                first.originalSource(), first.published(), first.authors(), first.credits(), first.tags(), body,
                analysis.toString(), paras, heads, removed, CodePointIndex.of(body), null, Report.IN_BODY);
    }

    /** The body offset of the first kept block at or after a draft offset (the end of the body when none is). */
    private static int bodyOffset(List<int[]> moves, int draftOffset, int end) {
        for (int[] m : moves) {
            if (m[0] >= draftOffset) {
                return m[1];
            }
        }
        return end;
    }

    private static boolean sameWords(String a, String b) {
        return words(a).equals(words(b)) || (words(b).startsWith(words(a)) && words(a).length() > 20);
    }

    static String words(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
