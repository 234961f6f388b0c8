package io.frontline;

import io.frontline.actors.ActorRegistry;
import io.frontline.extract.PlaceWords;
import io.frontline.gazetteer.Gazetteer;
import io.frontline.text.Lexicon;

/**
 * Everything the pipeline knows, as values: lexicons, the actor registry and the gazetteer. The
 * application loads them from the bundled data files; tests may build their own.
 *
 * @param defaultState the actor that generic "the army" means in the reports at hand (Syria: {@code saa})
 */
public record KnowledgeBase(Lexicon furniture, Lexicon triggers, Lexicon cues, Lexicon loadedTerms, PlaceWords placeWords,
                            ActorRegistry actors, Gazetteer gazetteer, String defaultState) {
}
