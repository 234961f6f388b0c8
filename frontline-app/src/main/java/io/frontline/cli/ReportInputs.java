package io.frontline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads report inputs: files, directories (every report file in them, sorted) and {@code -} for stdin.
 * Text must be UTF-8 (a BOM is dropped); binary, empty, oversized or undecodable inputs are refused with a
 * reason naming the input, and the other inputs are still read.
 */
final class ReportInputs {
    private static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "text");

    /** One input that could be read. */
    record Input(String name, String text) {
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
                decode("-", stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
            } catch (IOException e) {
                problems.add(new Problem("-", "cannot read stdin: " + e.getMessage()));
            }
            return;
        }
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                List<Path> files = s.filter(Files::isRegularFile).filter(ReportInputs::isReportFile).sorted().toList();
                if (files.isEmpty()) {
                    problems.add(new Problem(arg, "directory holds no report files (.txt, .md)"));
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

    private static boolean isReportFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? !n.startsWith(".") : EXTENSIONS.contains(n.substring(dot + 1));
    }

    private void readFile(Path f) {
        try {
            long size = Files.size(f);
            if (size > maxBytes) {
                problems.add(new Problem(f.toString(), "file is " + size + " bytes, over the limit of " + maxBytes
                        + " (raise it with --max-size)"));
                return;
            }
            decode(f.toString(), Files.readAllBytes(f));
        } catch (IOException e) {
            problems.add(new Problem(f.toString(), "cannot read: " + e.getMessage()));
        }
    }

    private void decode(String name, byte[] bytes) {
        if (bytes.length > maxBytes) {
            problems.add(new Problem(name, "input is over the limit of " + maxBytes + " bytes (raise it with --max-size)"));
            return;
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            problems.add(new Problem(name, "empty input"));
            return;
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                problems.add(new Problem(name, "binary file (NUL byte at offset " + i + "), not a text report"));
                return;
            }
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
            inputs.add(new Input(name, text));
        } catch (CharacterCodingException e) {
            problems.add(new Problem(name, "not valid UTF-8 text (" + e.getMessage() + "); convert it with iconv -f <encoding> -t UTF-8"));
        }
    }
}
