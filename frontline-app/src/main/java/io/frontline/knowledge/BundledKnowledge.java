package io.frontline.knowledge;

import io.frontline.KnowledgeBase;
import io.frontline.gazetteer.GazetteerBuilder;
import io.frontline.gazetteer.GazetteerFile;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.gazetteer.Place;
import io.frontline.stories.SourceProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the data files shipped inside the application (lexicons, actor registry, gazetteer) from the
 * class path into a {@link KnowledgeBase}, with extra gazetteer files of the user's (compact or GeoNames format).
 */
public final class BundledKnowledge {
    private BundledKnowledge() {
    }

    public static KnowledgeBase load(List<Path> extraGazetteers) {
        return KnowledgeBase.of(BundledKnowledge::lines, extraPlaces(extraGazetteers));
    }

    public static KnowledgeBase load() {
        return load(List.of());
    }

    public static GazetteerIndex gazetteer(List<Path> extraGazetteers) {
        return KnowledgeBase.gazetteer(BundledKnowledge::lines, extraPlaces(extraGazetteers));
    }

    private static List<Place> extraPlaces(List<Path> files) {
        List<Place> places = new ArrayList<>();
        for (Path p : files) {
            try {
                places.addAll(GazetteerFile.parse(Files.readAllLines(p, StandardCharsets.UTF_8), p.toString(),
                        GazetteerBuilder.admin1(List.of())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gazetteer " + p + ": " + e.getMessage(), e);
            }
        }
        return places;
    }

    /** The bundled source profiles ({@code io/frontline/sources/sources.tsv}), with a user's file added where given. */
    public static SourceProfiles sources(Path extra) {
        SourceProfiles bundled = SourceProfiles.parse(lines("sources/sources.tsv"), "bundled sources.tsv");
        if (extra == null) {
            return bundled;
        }
        try {
            return bundled.with(SourceProfiles.parse(Files.readAllLines(extra, StandardCharsets.UTF_8), extra.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read source profiles " + extra + ": " + e.getMessage(), e);
        }
    }

    /** The lines of a bundled data file, by its path under {@code io/frontline/}. */
    public static List<String> lines(String file) {
        String resource = "/io/frontline/" + file;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled data missing: " + resource + " (rebuild the application)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
