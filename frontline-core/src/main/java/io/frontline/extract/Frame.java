package io.frontline.extract;

import io.frontline.text.Lexicon;
import io.frontline.text.Sentence;
import io.frontline.text.Span;

import java.util.List;

/**
 * One trigger of a sentence with the roles found around it: who did what to whom, where, with what
 * modality and on whose word. Roles not stated in the sentence are filled from context later
 * ({@link ContextResolver}), which records how in {@code actor1How} / {@code actor2How}.
 *
 * @param actor1      the acting side, the primary actor first, associated actors after it
 * @param actor2      the other side, primary first
 * @param places      the places where it happened ({@link PlaceMention.Role#EVENT})
 * @param region      a region standing in for a place when none is named ("the northern Deir Ezzor countryside")
 * @param anchors     reference points of the sentence (anchors, regions, roads) for place resolution
 * @param fatalities  deaths reported in the trigger's clause
 * @param subjectRef  a pronoun or generic subject ("they", "the group") that context must resolve, or null
 * @param placeRef    a definite reference to a place named before ("the village", "the town"), or null
 */
public record Frame(Sentence sentence, TriggerClass kind, Lexicon.Rule rule, Span trigger, boolean passive,
                    List<ActorMention> actor1, String actor1How, List<ActorMention> actor2, String actor2How,
                    List<PlaceMention> places, PlaceMention region, List<PlaceMention> anchors,
                    Modality modality, String modalityRule, String attribution, Span attributionSpan,
                    List<Fatalities.Count> fatalities, String subjectRef, String placeRef) {

    public Frame withActors(List<ActorMention> a1, String how1, List<ActorMention> a2, String how2) {
        return new Frame(sentence, kind, rule, trigger, passive, a1, how1, a2, how2, places, region, anchors, modality,
                modalityRule, attribution, attributionSpan, fatalities, subjectRef, placeRef);
    }

    public Frame withPlaces(List<PlaceMention> p, PlaceMention r) {
        return new Frame(sentence, kind, rule, trigger, passive, actor1, actor1How, actor2, actor2How, p, r, anchors,
                modality, modalityRule, attribution, attributionSpan, fatalities, subjectRef, placeRef);
    }

    public Frame withFatalities(List<Fatalities.Count> f) {
        return new Frame(sentence, kind, rule, trigger, passive, actor1, actor1How, actor2, actor2How, places, region,
                anchors, modality, modalityRule, attribution, attributionSpan, f, subjectRef, placeRef);
    }

    public Frame withPlaceRef(String ref) {
        return new Frame(sentence, kind, rule, trigger, passive, actor1, actor1How, actor2, actor2How, places, region,
                anchors, modality, modalityRule, attribution, attributionSpan, fatalities, subjectRef, ref);
    }

    public boolean located() {
        return !places.isEmpty() || region != null;
    }
}
