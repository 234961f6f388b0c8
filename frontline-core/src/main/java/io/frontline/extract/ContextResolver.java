package io.frontline.extract;

import io.frontline.actors.Actor;
import io.frontline.actors.ActorRegistry;
import io.frontline.actors.Sides;
import io.frontline.gazetteer.NameKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills roles a sentence leaves implicit, from the report around it, and says how each was filled:
 * a pronoun or missing subject takes the last acting side of the paragraph ("They then captured X");
 * a generic reference ("the militants") becomes the actor opposed to the other side; a missing opponent
 * is the opposed actor named nearest: in the same sentence ("Despite strong ISIS resistance"), the next
 * sentence of the paragraph (the SAA seizing a mountain, ISIS named in the next sentence), earlier ones,
 * or the report's most named opponent.
 */
public final class ContextResolver {
    private final Sides sides;
    private final Actor defaultState;
    /** Who "militants" are when the report names no one they could be: ACLED's Unidentified Armed Group. */
    private final Actor unidentified;

    public ContextResolver(ActorRegistry registry, String defaultStateId) {
        this.sides = registry.sides();
        this.defaultState = registry.get(defaultStateId);
        this.unidentified = registry.get("unidentified");
    }

    public List<SentenceAnalysis> resolve(List<SentenceAnalysis> report) {
        return resolve(report, i -> null);
    }

    /**
     * @param dateOf the date of the sentence at an index of {@code report} (null when unknown): alliances that hold
     *               for a period only decide who may be an opponent on that date
     */
    public List<SentenceAnalysis> resolve(List<SentenceAnalysis> report, java.util.function.IntFunction<java.time.LocalDate> dateOf) {
        Map<String, Integer> mentionsBySide = new HashMap<>();
        Map<String, ActorMention> lastBySide = new HashMap<>();
        for (SentenceAnalysis sa : report) {
            for (ActorMention a : sa.actors()) {
                if (a.actor() != null && !speaker(sa, a)) {
                    mentionsBySide.merge(a.actor().side(), 1, Integer::sum);
                    lastBySide.putIfAbsent(a.actor().side(), a);
                }
            }
        }
        // who is seen fighting whom, where a sentence names both sides: the best guess for an unnamed opponent
        Map<String, Map<String, Integer>> adversaries = new HashMap<>();
        for (SentenceAnalysis sa : report) {
            for (Frame f : sa.frames()) {
                ActorMention x = f.actor1().isEmpty() ? null : f.actor1().get(0);
                ActorMention y = f.actor2().isEmpty() ? null : f.actor2().get(0);
                if (x != null && y != null && x.actor() != null && y.actor() != null && sides.opposed(x.actor().side(), y.actor().side())) {
                    adversaries.computeIfAbsent(x.actor().side(), k -> new HashMap<>()).merge(y.actor().side(), 1, Integer::sum);
                    adversaries.computeIfAbsent(y.actor().side(), k -> new HashMap<>()).merge(x.actor().side(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> weights = new HashMap<>(mentionsBySide);
        boolean namesArmed = namesAnyArmedActor(report);
        List<SentenceAnalysis> out = new ArrayList<>();
        Map<String, ActorMention> present = new HashMap<>();
        List<ActorMention> lastActor1 = List.of();
        List<ActorMention> previousParagraphActor1 = List.of();
        TriggerClass lastActor1Kind = null;
        int lastParagraph = -1;
        for (int i = 0; i < report.size(); i++) {
            SentenceAnalysis sa = report.get(i);
            if (sa.sentence().paragraph() != lastParagraph) {
                lastParagraph = sa.sentence().paragraph();
                previousParagraphActor1 = lastActor1;
                lastActor1 = List.of(); // "they" does not reach back into another paragraph
            }
            List<Frame> frames = new ArrayList<>();
            for (Frame f : sa.frames()) {
                List<ActorMention> a1 = f.actor1();
                String how1 = f.actor1How();
                boolean fromTheAir = lastActor1Kind == TriggerClass.AIR && f.kind() != TriggerClass.AIR && f.subjectRef() == null;
                boolean sideHit = "subject-hit".equals(f.actor2How()) && f.actor2().get(0).actor() != null && !lastActor1.isEmpty()
                        && lastActor1.get(0).actor() != null && f.actor2().get(0).actor().side().equals(lastActor1.get(0).actor().side());
                if (a1.isEmpty() && !lastActor1.isEmpty() && !fromTheAir && !sideHit && (f.subjectRef() != null || f.kind().subjectActs)) {
                    a1 = lastActor1;
                    how1 = f.subjectRef() != null ? "context:pronoun '" + f.subjectRef() + "'" : "context:previous-actor";
                } else if (a1.isEmpty() && lastActor1.isEmpty() && !previousParagraphActor1.isEmpty() && f.subjectRef() != null
                        && f.subjectRef().startsWith("the ") && fits(f.subjectRef(), previousParagraphActor1.get(0))) {
                    // "The group launched another assault" opening a paragraph: the group the paragraph before was about
                    a1 = previousParagraphActor1;
                    how1 = "context:'" + f.subjectRef() + "' in the paragraph before";
                }
                List<ActorMention> a2 = f.actor2();
                String how2 = f.actor2How();
                a1 = resolveGeneric(a1, a2, report, i, dateOf.apply(i), namesArmed, adversaries, weights, lastBySide);
                a2 = resolveGeneric(a2, a1, report, i, dateOf.apply(i), namesArmed, adversaries, weights, lastBySide);
                if (a2.isEmpty() && !a1.isEmpty() && a1.get(0).actor() != null && (f.kind().isBattle() || remote(f.kind()))) {
                    String side1 = a1.get(0).actor().side();
                    // a bombardment's target is guessed only from its own paragraph: shelling a town is no clash
                    // bombs and suicide attacks, and fire on a military site, are aimed at the armed enemy as a battle is
                    boolean aimedAtEnemy = f.kind().isBattle() || f.kind() == TriggerClass.SUICIDE || f.kind() == TriggerClass.IED
                            || militarySite(f);
                    ActorMention opp = aimedAtEnemy
                            ? opponent(side1, a1, report, i, rank(side1, adversaries, weights), lastBySide, dateOf.apply(i))
                            : null;
                    String how = opp == null ? null : "context:" + where(opp, report, i);
                    if (opp == null && remote(f.kind())) {
                        // shells or bombs on a place the report showed the enemy holding or hit there before
                        opp = presentAt(f, side1, present, dateOf.apply(i));
                        how = opp == null ? null : "context:enemy-at-place";
                    }
                    if (opp == null && !aimedAtEnemy) {
                        opp = nearbyOpponent(side1, a1, report, i, dateOf.apply(i));
                        how = opp == null ? null : "context:" + where(opp, report, i);
                    }
                    if (opp != null) {
                        a2 = List.of(opp);
                        how2 = how;
                    }
                }
                if (a1.isEmpty() && !a2.isEmpty() && a2.get(0).actor() != null && (f.kind().isBattle()
                        || "subject-hit".equals(f.actor2How()) || groundWeapon(f.kind()) && a2.get(0).actor().inter() != 7)) {
                    // "a suicide car-bomb was detonated at the checkpoint, killing five soldiers": the bomber is the
                    // soldiers' enemy in this paragraph (a bomb nobody is said to have set elsewhere stays unattributed)
                    String side2 = a2.get(0).actor().side();
                    boolean battle = f.kind().isBattle() || "subject-hit".equals(f.actor2How());
                    ActorMention opp = battle
                            ? opponent(side2, a2, report, i, rank(side2, adversaries, weights), lastBySide, dateOf.apply(i))
                            : nearbyOpponent(side2, a2, report, i, dateOf.apply(i));
                    if (opp != null) {
                        a1 = List.of(opp);
                        how1 = "context:" + where(opp, report, i);
                    }
                }
                Frame g = f.withActors(a1, how1, a2, how2);
                remember(g, present);
                if (!a1.isEmpty() && f.kind().subjectActs && f.modality().happened()) {
                    lastActor1 = a1;
                    lastActor1Kind = f.kind(); // who struck from the air is not who fought on the ground next
                }
                frames.add(g);
            }
            out.add(sa.withFrames(sameTargetInSentence(frames)));
        }
        return out;
    }

    /**
     * Who the report last showed at a place: the taker of a place, or the armed target of an attack there. Only what
     * happened counts (not claims denied, plans or failures).
     */
    private static void remember(Frame f, Map<String, ActorMention> present) {
        if (!f.modality().happened() || f.places().isEmpty()) {
            return;
        }
        ActorMention at = null;
        if (f.kind() == TriggerClass.TAKE && !f.actor1().isEmpty()) {
            at = f.actor1().get(0);
        } else if ((remote(f.kind()) || f.kind().isBattle()) && f.kind() != TriggerClass.TAKE && !f.actor2().isEmpty()) {
            at = f.actor2().get(0);
        }
        if (at == null || at.actor() == null || at.actor().inter() == 7 || "unknown".equals(at.actor().side())) {
            return;
        }
        for (PlaceMention p : f.places()) {
            present.put(NameKey.phonetic(p.name()), at);
        }
    }

    /** The enemy of {@code side} the report last showed at one of the frame's places, or null. */
    private ActorMention presentAt(Frame f, String side, Map<String, ActorMention> present, java.time.LocalDate on) {
        for (PlaceMention p : f.places()) {
            ActorMention a = present.get(NameKey.phonetic(p.name()));
            if (a != null && sides.opposed(side, a.actor().side(), on)) {
                return a;
            }
        }
        return null;
    }

    /**
     * "After heavy artillery bombardment rebels stormed X and captured it from ISIL": a bombardment whose target the
     * sentence leaves unnamed hit the armed enemy its own side fights in the same sentence.
     */
    private List<Frame> sameTargetInSentence(List<Frame> frames) {
        if (frames.size() < 2) {
            return frames;
        }
        List<Frame> out = new ArrayList<>(frames);
        for (int k = 0; k < out.size(); k++) {
            Frame f = out.get(k);
            if (!remote(f.kind()) || !f.actor2().isEmpty() || f.actor1().isEmpty() || f.actor1().get(0).actor() == null) {
                continue;
            }
            String side = f.actor1().get(0).actor().side();
            for (Frame o : frames) {
                if (o != f && !o.actor1().isEmpty() && !o.actor2().isEmpty() && o.actor1().get(0).actor() != null
                        && o.actor1().get(0).actor().side().equals(side) && o.actor2().get(0).actor() != null
                        && o.actor2().get(0).actor().inter() != 7 && sides.opposed(side, o.actor2().get(0).actor().side())) {
                    out.set(k, f.withActors(f.actor1(), f.actor1How(), o.actor2(), "context:same-sentence-enemy"));
                    break;
                }
            }
        }
        return out;
    }

    /** "the group" is no state's army; "the forces" or "the troops" may be anyone's. */
    private static boolean fits(String ref, ActorMention a) {
        return a.actor() != null && !(ref.endsWith(" group") && a.actor().isState());
    }

    private static final java.util.regex.Pattern MILITARY_SITE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:base|airbase|air base|airport|checkpoint|barracks|brigade|division|regiment|battalion|military)\\b");

    /** A place named as a base, checkpoint or unit's camp: "the Division 17 base", "al-Dahrouj checkpoint". */
    private static boolean militarySite(Frame f) {
        for (PlaceMention p : f.places()) {
            if (MILITARY_SITE.matcher(p.fullName()).find()) {
                return true;
            }
        }
        return f.placeRef() != null && MILITARY_SITE.matcher(f.placeRef()).find();
    }

    /** Bombs, shells and air strikes aimed at an armed enemy: their target is the opponent the report is fighting. */
    private static boolean remote(TriggerClass k) {
        return k == TriggerClass.SUICIDE || k == TriggerClass.IED || k == TriggerClass.SHELL || k == TriggerClass.AIR;
    }

    /** Weapons a ground force uses: who used them on an armed group is that group's enemy (not so for air strikes). */
    private static boolean groundWeapon(TriggerClass k) {
        return k == TriggerClass.SUICIDE || k == TriggerClass.IED || k == TriggerClass.SHELL;
    }

    /** Sides ranked as opponents of {@code side}: seen fighting it in this report first, then by mentions. */
    private static Map<String, Integer> rank(String side, Map<String, Map<String, Integer>> adversaries, Map<String, Integer> mentions) {
        Map<String, Integer> out = new HashMap<>();
        mentions.forEach((k, v) -> out.put(k, v));
        adversaries.getOrDefault(side, Map.of()).forEach((k, v) -> out.merge(k, 1000 * v, Integer::sum));
        return out;
    }

    /** @param namesArmed whether the report names a non-state armed actor ({@link #namesAnyArmedActor}) */
    private List<ActorMention> resolveGeneric(List<ActorMention> as, List<ActorMention> other, List<SentenceAnalysis> report, int i,
                                              java.time.LocalDate on, boolean namesArmed, Map<String, Map<String, Integer>> adversaries,
                                              Map<String, Integer> weights, Map<String, ActorMention> lastBySide) {
        List<ActorMention> out = new ArrayList<>();
        for (ActorMention a : as) {
            if (!a.isGeneric()) {
                out.add(a);
                continue;
            }
            if (a.reference().equals("@state")) {
                out.add(a.resolved(defaultState, "state forces of the report's country"));
            } else if (a.reference().equals("@jihadist")) {
                // "the jihadist factions": a jihadist group the report names, the nearest first
                ActorMention j = nearestOfSides(JIHADIST_SIDES, other, report, i, on);
                if (j != null) {
                    out.add(a.resolved(j.actor(), "jihadist group named " + where(j, report, i)));
                } else if (unidentified != null) {
                    out.add(a.resolved(unidentified, "no jihadist group named in the report"));
                }
            } else if (!other.isEmpty() && other.get(0).actor() != null) {
                // "the militant-held towns" after the SyAAF's strikes: the enemy of the other side nearest in the paragraph,
                // else the one this report shows fighting it
                String side = other.get(0).actor().side();
                ActorMention opp = opponent(side, other, report, i, rank(side, adversaries, weights), lastBySide, on);
                if (opp != null) {
                    out.add(a.resolved(opp.actor(), "opponent named " + where(opp, report, i)));
                } else if (unidentified != null && !namesArmed) {
                    out.add(a.resolved(unidentified, "no armed group named in the report"));
                }
            } else if (unidentified != null && !namesArmed) {
                out.add(a.resolved(unidentified, "no armed group named in the report"));
            }
        }
        return out;
    }

    /** True when some sentence names a non-state armed actor (one "the militants" could refer to). */
    private static boolean namesAnyArmedActor(List<SentenceAnalysis> report) {
        for (SentenceAnalysis sa : report) {
            for (ActorMention m : sa.actors()) {
                if (m.actor() != null && !m.isGeneric() && !m.actor().side().equals("government") && !m.actor().side().equals("civilians")
                        && !m.actor().side().equals("unknown") && !m.actor().side().equals("russia") && !m.actor().side().equals("iran")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.Set<String> JIHADIST_SIDES = java.util.Set.of("hts", "islamic_state");

    /** The actor of one of {@code wanted} named nearest sentence i (before it first), not allied to {@code other}. */
    private ActorMention nearestOfSides(java.util.Set<String> wanted, List<ActorMention> other, List<SentenceAnalysis> report, int i,
                                        java.time.LocalDate on) {
        String otherSide = other.isEmpty() || other.get(0).actor() == null ? null : other.get(0).actor().side();
        for (int d = 0; d <= 3; d++) { // a round-up of several fronts: the group named a few sentences away at most
            for (int k : new int[] {i - d, i + d}) {
                if (k < 0 || k >= report.size() || d > 0 && k == i) {
                    continue;
                }
                for (ActorMention m : report.get(k).actors()) {
                    if (m.actor() != null && wanted.contains(m.actor().side())
                            && (otherSide == null || sides.opposed(otherSide, m.actor().side(), on))) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    /** The opposed actor named in sentence i or earlier in its paragraph, or null. */
    private ActorMention nearbyOpponent(String side, List<ActorMention> group, List<SentenceAnalysis> report, int i,
                                        java.time.LocalDate on) {
        int paragraph = report.get(i).sentence().paragraph();
        List<Integer> order = new ArrayList<>();
        for (int k = i; k >= 0 && report.get(k).sentence().paragraph() == paragraph; k--) {
            order.add(k);
        }
        return firstOpposed(side, group, report, i, order, on);
    }

    /** The opposed actor named nearest to sentence i, not one of the frame's own side ({@code group}). */
    private ActorMention opponent(String side, List<ActorMention> group, List<SentenceAnalysis> report, int i,
                                  Map<String, Integer> bySide, Map<String, ActorMention> lastBySide, java.time.LocalDate on) {
        int paragraph = report.get(i).sentence().paragraph();
        List<Integer> order = new ArrayList<>();
        order.add(i);
        for (int k = i - 1; k >= 0 && report.get(k).sentence().paragraph() == paragraph; k--) {
            order.add(k);
        }
        ActorMention near = firstOpposed(side, group, report, i, order, on);
        if (near != null) {
            return near;
        }
        // a side this report shows fighting this one comes before a guess from the next sentence
        String best = null;
        int n = 0;
        for (Map.Entry<String, Integer> e : bySide.entrySet()) {
            if (sides.opposed(side, e.getKey(), on) && e.getValue() > n && !inGroup(e.getKey(), group)) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        if (best != null && n >= 1000) {
            return lastBySide.get(best);
        }
        if (i + 1 < report.size() && report.get(i + 1).sentence().paragraph() == paragraph) {
            ActorMention next = firstOpposed(side, group, report, i, List.of(i + 1), on);
            if (next != null) {
                return next;
            }
        }
        return best == null ? null : lastBySide.get(best);
    }

    /** The actor is the source of an attribution in its sentence ("according to X", "X said"). */
    private static boolean speaker(SentenceAnalysis sa, ActorMention a) {
        for (Frame f : sa.frames()) {
            if (f.attributionSpan() != null && f.attributionSpan().contains(a.span())) {
                return true;
            }
        }
        return false;
    }

    private ActorMention firstOpposed(String side, List<ActorMention> group, List<SentenceAnalysis> report, int i, List<Integer> order,
                                      java.time.LocalDate on) {
        for (int k : order) {
            for (ActorMention a : report.get(k).actors()) {
                if (speaker(report.get(k), a)) {
                    continue; // "According to United States Central Command, the Islamists ...": who speaks did not fight
                }
                if (a.actor() != null && sides.opposed(side, a.actor().side(), on) && !group.contains(a) && !inGroup(a.actor().side(), group)
                        && (k != i || group.stream().noneMatch(g -> g.actor() != null && sides.allied(g.actor().side(), a.actor().side())))) {
                    return a;
                }
            }
        }
        return null;
    }

    /** A side fighting in the frame's own group ("HTS and the FSA captured X") is not its opponent. */
    private static boolean inGroup(String side, List<ActorMention> group) {
        return group.stream().anyMatch(g -> g.actor() != null && g.actor().side().equals(side));
    }

    private static String where(ActorMention a, List<SentenceAnalysis> report, int i) {
        for (int k = 0; k < report.size(); k++) {
            if (report.get(k).actors().contains(a)) {
                int d = k - i;
                return d == 0 ? "same-sentence" : d == 1 ? "next-sentence" : d < 0 && report.get(k).sentence().paragraph()
                        == report.get(i).sentence().paragraph() ? "earlier-in-paragraph" : "report";
            }
        }
        return "report";
    }
}
