package io.frontline.flink;

import io.frontline.ingest.Format;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An archive directory for reprocessing: its report files (by extension: text, Markdown, pages, feeds, JSON lines;
 * sorted, sub-directories included) are listed when the job is built and read on the task managers, so the file
 * contents never pass through the client. Files must be UTF-8 (a byte order mark is dropped); others are refused
 * with the reason.
 */
public final class ArchiveFiles {
    private ArchiveFiles() {
    }

    public static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> Format.byName(p.getFileName().toString()) != null)
                    .map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads a listed file into an input. */
    public static final class Read implements FlatMapFunction<String, ReportInput> {
        private static final Logger LOG = LoggerFactory.getLogger(Read.class);

        @Override
        public void flatMap(String path, Collector<ReportInput> out) {
            Path p = Path.of(path);
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                out.collect(new ReportInput(path, text, Format.byName(p.getFileName().toString())));
            } catch (CharacterCodingException e) {
                LOG.warn("refused {}: not valid UTF-8", path);
            } catch (IOException e) {
                LOG.warn("refused {}: cannot read it: {}", path, e.getMessage());
            }
        }
    }
}
