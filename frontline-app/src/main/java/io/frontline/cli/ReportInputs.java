package io.frontline.cli;

import io.frontline.ingest.Format;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads report inputs: files, directories (every report file in them, sorted) and {@code -} for stdin.
 * The format comes from the extension ({@code .txt .md}, {@code .html .htm}, {@code .xml .rss .atom},
 * {@code .jsonl}) or, for stdin and files without one, from the content. Text, Markdown and JSON lines must be
 * UTF-8; a page is decoded by its byte order mark, its {@code <meta charset>}, else as UTF-8, else as
 * windows-1252; a feed by its BOM or XML declaration, else as UTF-8. Binary, empty, oversized or undecodable
 * inputs are refused with a reason naming the input, and the other inputs are still read.
 */
final class ReportInputs {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([-\\w.:]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("(?i)^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([-\\w.:]+)[\"']");

    /** One input that could be read, and the format it is in. */
    record Input(String name, String text, Format format) {
    }

    /** One input that could not be read, and why. */
    record Problem(String name, String reason) {
    }

    final List<Input> inputs = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    private final long maxBytes;

    ReportInputs(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void add(String arg, InputStream stdin) {
        if (arg.equals("-")) {
            try {
                decode("-", stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)), null);
            } catch (IOException e) {
                problems.add(new Problem("-", "cannot read stdin: " + e.getMessage()));
            }
            return;
        }
        if (arg.startsWith("http://") || arg.startsWith("https://")) {
            fetch(arg);
            return;
        }
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                List<Path> files = s.filter(Files::isRegularFile).filter(ReportInputs::isReportFile).sorted().toList();
                if (files.isEmpty()) {
                    problems.add(new Problem(arg, "directory holds no report files (.txt, .md, .html, .htm, .xml, .rss, .atom, .jsonl)"));
                }
                for (Path f : files) {
                    readFile(f);
                }
            } catch (IOException e) {
                problems.add(new Problem(arg, "cannot list directory: " + e.getMessage()));
            }
        } else if (!Files.exists(p)) {
            problems.add(new Problem(arg, "no such file or directory"));
        } else {
            readFile(p);
        }
    }

    /**
     * A web page, feed or JSON lines file at a URL: fetched once (redirects followed, 30 s timeout, the size limit
     * applied), its format taken from the Content-Type, else from the path, else from the content.
     */
    private void fetch(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(java.time.Duration.ofSeconds(15)).build();
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(30))
                    .header("User-Agent", "Frontline/0.1 (conflict event extraction)").GET().build();
            HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (resp.statusCode() / 100 != 2) {
                resp.body().close();
                problems.add(new Problem(url, "HTTP " + resp.statusCode() + " when fetching"));
                return;
            }
            byte[] bytes;
            try (InputStream in = resp.body()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            String type = resp.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
            Format byType = type.contains("html") ? Format.HTML
                    : type.contains("rss") || type.contains("atom") || type.contains("xml") ? Format.FEED
                    : type.contains("jsonl") || type.contains("ndjson") ? Format.JSON_LINES
                    : type.startsWith("text/plain") || type.contains("markdown") ? Format.TEXT : null;
            String path = uri.getPath() == null ? "" : uri.getPath();
            decode(url, bytes, byType != null ? byType : Format.byName(path.substring(path.lastIndexOf('/') + 1)));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(url, "not a valid URL: " + e.getMessage()));
        } catch (IOException e) {
            problems.add(new Problem(url, "cannot fetch: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(new Problem(url, "interrupted while fetching"));
        }
    }

    /**
     * Reads every input into its reports (a page or a text one, a feed or a JSON lines file one per item or line) and
     * extracts each; what cannot be read or extracted is added to {@link #problems}, naming the input or the report.
     */
    List<io.frontline.Extraction> extractAll(io.frontline.Frontline frontline, boolean debug) {
        List<io.frontline.Extraction> xs = new ArrayList<>();
        for (Input i : inputs) {
            io.frontline.ingest.Reports reports;
            try {
                reports = frontline.read(i.name(), i.text(), i.format());
            } catch (RuntimeException e) {
                problems.add(new Problem(i.name(), "cannot read as " + i.format() + ": " + e));
                if (debug) {
                    e.printStackTrace();
                }
                continue;
            }
            reports.problems().forEach(p -> problems.add(new Problem(p.name(), p.reason())));
            for (io.frontline.ingest.Report r : reports.reports()) {
                try {
                    xs.add(frontline.extract(r));
                } catch (RuntimeException e) {
                    problems.add(new Problem(r.file(), "extraction failed: " + e));
                    if (debug) {
                        e.printStackTrace();
                    }
                }
            }
        }
        return xs;
    }

    private static boolean isReportFile(Path p) {
        String n = p.getFileName().toString();
        return n.lastIndexOf('.') < 0 ? !n.startsWith(".") : Format.byName(n) != null;
    }

    private void readFile(Path f) {
        try {
            long size = Files.size(f);
            if (size > maxBytes) {
                problems.add(new Problem(f.toString(), "file is " + size + " bytes, over the limit of " + maxBytes
                        + " (raise it with --max-size)"));
                return;
            }
            decode(f.toString(), Files.readAllBytes(f), Format.byName(f.getFileName().toString()));
        } catch (IOException e) {
            problems.add(new Problem(f.toString(), "cannot read: " + e.getMessage()));
        }
    }

    /** Decodes an input of a known format (null: sniff it) and adds it, or adds the reason it cannot be read. */
    private void decode(String name, byte[] bytes, Format known) {
        if (bytes.length > maxBytes) {
            problems.add(new Problem(name, "input is over the limit of " + maxBytes + " bytes (raise it with --max-size)"));
            return;
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            problems.add(new Problem(name, "empty input"));
            return;
        }
        Charset bom = null;
        int from = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            bom = StandardCharsets.UTF_8;
            from = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            bom = StandardCharsets.UTF_16BE;
            from = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            bom = StandardCharsets.UTF_16LE;
            from = 2;
        }
        if (bom == null || bom == StandardCharsets.UTF_8) {
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) {
                    problems.add(new Problem(name, "binary file (NUL byte at offset " + i + "), not a text report"));
                    return;
                }
            }
        }
        String head = new String(bytes, from, Math.min(bytes.length - from, 4096), bom != null ? bom : StandardCharsets.ISO_8859_1);
        Format format = known != null ? known : Format.sniff(head);
        String text;
        try {
            if (bom != null) {
                try {
                    text = strict(bom, bytes, from);
                } catch (CharacterCodingException e) {
                    throw new Refusal("not valid " + bom.name() + " text though it begins with that byte order mark (" + e.getMessage() + ")");
                }
            } else {
                text = switch (format) {
                    case HTML -> html(name, head, bytes);
                    case FEED -> declared(name, XML_ENCODING.matcher(head), "its XML declaration", bytes);
                    case TEXT, JSON_LINES -> utf8(name, bytes);
                };
            }
        } catch (Refusal r) {
            problems.add(new Problem(name, r.getMessage()));
            return;
        }
        if (text != null) {
            inputs.add(new Input(name, text, format));
        }
    }

    /** A page: the charset its meta tag declares, else UTF-8, else windows-1252 (what browsers assume). */
    private String html(String name, String head, byte[] bytes) throws Refusal {
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            return declared(name, m, "its <meta charset>", bytes);
        }
        try {
            return strict(StandardCharsets.UTF_8, bytes, 0);
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private String declared(String name, Matcher m, String where, byte[] bytes) throws Refusal {
        if (!m.find(0)) {
            return utf8(name, bytes);
        }
        String label = m.group(1);
        Charset cs;
        try {
            cs = Charset.forName(label);
        } catch (IllegalArgumentException e) {
            throw new Refusal("declares the character encoding '" + label + "' in " + where + ", which is unknown");
        }
        if (cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) {
            cs = WINDOWS_1252; // as browsers read pages labelled so
        }
        try {
            return strict(cs, bytes, 0);
        } catch (CharacterCodingException e) {
            if (cs.equals(WINDOWS_1252)) {
                return new String(bytes, WINDOWS_1252);
            }
            throw new Refusal("is not valid " + cs.name() + " as " + where + " declares (" + e.getMessage() + ")");
        }
    }

    private String utf8(String name, byte[] bytes) throws Refusal {
        try {
            return strict(StandardCharsets.UTF_8, bytes, 0);
        } catch (CharacterCodingException e) {
            throw new Refusal("not valid UTF-8 text (" + e.getMessage() + "); convert it with iconv -f <encoding> -t UTF-8");
        }
    }

    private static String strict(Charset cs, byte[] bytes, int from) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
    }

    /** The reason an input cannot be decoded. */
    private static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason);
        }
    }
}
