package io.frontline.knowledge;

import io.frontline.KnowledgeBase;
import io.frontline.actors.ActorRegistry;
import io.frontline.actors.Sides;
import io.frontline.extract.PlaceWords;
import io.frontline.gazetteer.GazetteerBuilder;
import io.frontline.gazetteer.GazetteerFile;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.gazetteer.Place;
import io.frontline.text.Lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the data files shipped inside the application (lexicons, actor registry, gazetteer) into a
 * {@link KnowledgeBase}, optionally with extra gazetteer files of the user's (compact or GeoNames format).
 */
public final class BundledKnowledge {
    public static final String GAZETTEER = "/io/frontline/gazetteer/sy-places.tsv";

    private BundledKnowledge() {
    }

    public static KnowledgeBase load(List<Path> extraGazetteers) {
        Sides sides = Sides.parse(lines("/io/frontline/actors/sides.tsv"));
        ActorRegistry actors = ActorRegistry.parse(lines("/io/frontline/actors/actors.tsv"),
                lines("/io/frontline/actors/generic.tsv"), sides);
        return new KnowledgeBase(
                Lexicon.parse(lines("/io/frontline/ingest/furniture.tsv"), "furniture.tsv"),
                Lexicon.parse(lines("/io/frontline/extract/triggers.tsv"), "triggers.tsv"),
                Lexicon.parse(lines("/io/frontline/extract/modality.tsv"), "modality.tsv"),
                Lexicon.parse(lines("/io/frontline/extract/loaded-terms.tsv"), "loaded-terms.tsv"),
                PlaceWords.parse(lines("/io/frontline/extract/place-words.tsv")),
                actors, gazetteer(extraGazetteers), "saa");
    }

    public static KnowledgeBase load() {
        return load(List.of());
    }

    public static GazetteerIndex gazetteer(List<Path> extra) {
        List<Place> places = new ArrayList<>(GazetteerFile.parse(lines(GAZETTEER), "bundled gazetteer", Map.of()));
        for (Path p : extra) {
            try {
                places.addAll(GazetteerFile.parse(Files.readAllLines(p, StandardCharsets.UTF_8), p.toString(),
                        GazetteerBuilder.admin1(List.of())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gazetteer " + p + ": " + e.getMessage(), e);
            }
        }
        return new GazetteerIndex(places);
    }

    /** The lines of a bundled resource. */
    public static List<String> lines(String resource) {
        try (InputStream in = BundledKnowledge.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled data missing: " + resource + " (rebuild the application)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
