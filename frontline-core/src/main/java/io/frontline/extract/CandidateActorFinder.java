package io.frontline.extract;

import io.frontline.actors.CandidateActor;
import io.frontline.text.Sentence;
import io.frontline.text.Span;
import io.frontline.text.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds names of armed groups missing from the registry: runs of capitalised words holding a word that
 * names an armed formation ("Brigade", "Liwa", "Jaysh", "Front", "Battalion" ...), outside known actors.
 */
public final class CandidateActorFinder {
    private static final Set<String> HEADS = Set.of("brigade", "brigades", "battalion", "battalions", "regiment", "division",
            "front", "army", "movement", "forces", "force", "legion", "corps", "liwa", "liwaa", "jaysh", "jaish", "harakat",
            "kataib", "kata'ib", "faylaq", "ansar", "jabhat", "militia", "militias", "council", "guards", "shield", "hawks",
            "lions", "falcons", "eagles", "tigers", "knights", "sons", "martyrs", "fighters");
    private static final java.util.regex.Pattern NOT_GROUPS = java.util.regex.Pattern.compile(
            "\\b(Operation|Cemetery|Hospital|School|Square|Street|Mosque|Bridge|Airport|Museum|Stadium|University|Offensive|Battle)\\b");
    private static final Set<String> LINKS = Set.of("al", "of", "the", "el", "ad", "as", "ash", "ar", "an", "and", "bin", "ibn");

    public List<CandidateActor> find(List<SentenceAnalysis> sentences) {
        Map<String, CandidateActor> out = new LinkedHashMap<>();
        for (SentenceAnalysis sa : sentences) {
            Sentence s = sa.sentence();
            boolean[] known = new boolean[s.size()];
            for (ActorMention a : sa.actors()) {
                for (int i = a.firstToken(); i <= a.lastToken(); i++) {
                    known[i] = true;
                }
            }
            for (PlaceMention p : sa.places()) {
                for (int i = p.firstToken(); i <= p.lastToken(); i++) {
                    known[i] = true;
                }
            }
            int i = 0;
            while (i < s.size()) {
                if (known[i] || !s.token(i).isCapitalised() || i == 0 && s.token(i).is("The")) {
                    i++;
                    continue;
                }
                int j = i;
                while (j + 1 < s.size() && !known[j + 1] && (s.token(j + 1).isCapitalised() || s.token(j + 1).kind() == Token.Kind.NUMBER
                        || LINKS.contains(s.token(j + 1).lower()) && j + 2 < s.size() && s.token(j + 2).isCapitalised())) {
                    j++;
                }
                boolean head = false;
                for (int k = i; k <= j; k++) {
                    String w = s.token(k).lower();
                    int h = w.indexOf('-');
                    head |= HEADS.contains(w) || h > 0 && HEADS.contains(w.substring(0, h));
                }
                if (head && j > i && !NOT_GROUPS.matcher(s.text().substring(s.token(i).start() - s.span().start(),
                        s.token(j).end() - s.span().start())).find()) {
                    String name = s.text().substring(s.token(i).start() - s.span().start(), s.token(j).end() - s.span().start());
                    Span span = new Span(s.token(i).start(), s.token(j).end());
                    out.merge(name, new CandidateActor(name, 1, span, "armed-group-name"),
                            (a, b) -> new CandidateActor(a.name(), a.mentions() + 1, a.first(), a.rule()));
                }
                i = j + 1;
            }
        }
        return new ArrayList<>(out.values());
    }
}
