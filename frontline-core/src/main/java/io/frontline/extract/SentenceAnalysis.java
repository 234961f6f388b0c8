package io.frontline.extract;

import io.frontline.text.Sentence;

import java.util.List;

/** What the recognisers found in one sentence, and the frames built from it. */
public record SentenceAnalysis(Sentence sentence, List<ActorMention> actors, List<PlaceMention> places,
                               List<Frame> frames, boolean analysis) {
    public SentenceAnalysis withFrames(List<Frame> f) {
        return new SentenceAnalysis(sentence, actors, places, f, analysis);
    }
}
