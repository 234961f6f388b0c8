package io.frontline;

import io.frontline.actors.ActorRegistry;
import io.frontline.actors.Sides;
import io.frontline.extract.PlaceWords;
import io.frontline.gazetteer.Gazetteer;
import io.frontline.gazetteer.GazetteerFile;
import io.frontline.gazetteer.GazetteerIndex;
import io.frontline.gazetteer.Place;
import io.frontline.text.Lexicon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything the pipeline knows, as values: lexicons, the actor registry and the gazetteer.
 *
 * @param defaultState the actor that generic "the army" means in the reports at hand (Syria: {@code saa})
 */
public record KnowledgeBase(Lexicon furniture, Lexicon triggers, Lexicon cues, Lexicon loadedTerms, PlaceWords placeWords,
                            ActorRegistry actors, Gazetteer gazetteer, String defaultState) {

    /** The data files of the knowledge base, as paths relative to the {@code io/frontline/} resource folder. */
    public static final List<String> FILES = List.of("ingest/furniture.tsv", "extract/triggers.tsv", "extract/modality.tsv",
            "extract/loaded-terms.tsv", "extract/place-words.tsv", "actors/sides.tsv", "actors/actors.tsv",
            "actors/generic.tsv", "gazetteer/sy-places.tsv");

    /**
     * Builds the knowledge base from the data files, read by the caller (the core does no I/O).
     *
     * @param lines       returns the lines of one of {@link #FILES}
     * @param extraPlaces places to add to the bundled gazetteer
     */
    public static KnowledgeBase of(Function<String, List<String>> lines, Collection<Place> extraPlaces) {
        Sides sides = Sides.parse(lines.apply("actors/sides.tsv"));
        ActorRegistry actors = ActorRegistry.parse(lines.apply("actors/actors.tsv"), lines.apply("actors/generic.tsv"), sides);
        return new KnowledgeBase(
                Lexicon.parse(lines.apply("ingest/furniture.tsv"), "furniture.tsv"),
                Lexicon.parse(lines.apply("extract/triggers.tsv"), "triggers.tsv"),
                Lexicon.parse(lines.apply("extract/modality.tsv"), "modality.tsv"),
                Lexicon.parse(lines.apply("extract/loaded-terms.tsv"), "loaded-terms.tsv"),
                PlaceWords.parse(lines.apply("extract/place-words.tsv")),
                actors, gazetteer(lines, extraPlaces), "saa");
    }

    public static GazetteerIndex gazetteer(Function<String, List<String>> lines, Collection<Place> extraPlaces) {
        List<Place> places = new ArrayList<>(GazetteerFile.parse(lines.apply("gazetteer/sy-places.tsv"), "bundled gazetteer", Map.of()));
        places.addAll(extraPlaces);
        return new GazetteerIndex(places);
    }
}
