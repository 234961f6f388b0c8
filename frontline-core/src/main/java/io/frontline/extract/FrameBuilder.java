package io.frontline.extract;

import io.frontline.text.Lexicon;
import io.frontline.text.Sentence;
import io.frontline.text.Span;
import io.frontline.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the frames of one sentence: finds triggers, and for each the roles the sentence states.
 *
 * <p>Roles come from constructions, not word order alone: the subject before the trigger acts (unless
 * the class says it suffers: "lost", "repelled"); a passive trigger takes its actor from "by X"; "from X"
 * names the loser; "against/on X" or a direct object the target; "alongside/with/backed by X" an associated
 * actor; "X-held" the holder of a place; "repelled an X attack" the attacker; "X fell to Y" the winner.
 * Places are those named in the trigger's scope (up to the next trigger or clause); a passive or "fell"
 * trigger takes the place before it; a sentence-initial "In X," serves triggers that name no place.
 */
public final class FrameBuilder {
    private static final Set<String> PREPOSITIONS = Set.of("from", "against", "with", "by", "of", "to", "on", "at", "in",
            "for", "between", "alongside", "near", "toward", "towards", "including", "besides", "among", "into", "over",
            "than", "like", "under", "behind", "beside", "within", "per");
    private static final Set<String> SKIP = Set.of("the", "a", "an", "its", "their", "his", "her", "allied", "local",
            "pro-government", "fellow", "rival", "some", "remaining", "other", "both", "all");
    /** Words after which "as" introduces no clause: "such as", "known as", "as well as", "the same as". */
    private static final Set<String> AS_BEFORE = Set.of("such", "known", "well", "same", "referred", "described", "designated",
            "regarded", "seen", "served", "serving", "acting", "act", "acted", "dressed", "disguised", "posing", "so");
    private static final java.util.regex.Pattern CONTRAST = java.util.regex.Pattern.compile(
            "(?i)(?:,\\s*(?:while|whereas|although|though|but)\\b|;)");
    private static final Set<String> COUNT_WORDS = Set.of("at", "least", "one", "two", "three", "four", "five", "several",
            "dozens", "of", "hundreds", "about", "around", "some");
    private static final Set<String> CONJUNCTIONS = Set.of("but", "while", "whereas", "although", "though", "which", "who",
            "after", "before", "when", "as", "since", "meanwhile", "however", "whilst", "whom", "where", "until", "because");
    /** Participles that state a consequence, not another event: ", leaving ...", ", reducing ISIL control to ...". */
    private static final Set<String> CONSEQUENCES = Set.of("leaving", "putting", "bringing", "reducing", "connecting",
            "coming", "giving", "making", "allowing", "forcing", "raising", "marking", "ending", "linking", "thus", "thereby",
            "which", "effectively", "placing", "isolating", "threatening");
    /** "members of X", "fighters of X": the phrase is X's. */
    private static final Set<String> MEMBER_NOUNS = Set.of("members", "member", "fighters", "elements", "militants",
            "units", "unit", "troops", "soldiers", "gunmen", "cell", "cells", "commanders", "officers", "patrol", "convoy", "group",
            "number", "band", "squad", "dozens", "hundreds", "remnants", "detachment", "contingent", "commander", "leader",
            "leaders", "officer", "official", "officials", "fighter", "soldier", "head", "chief", "emir");
    /** Verbs of a purpose infinitive: "to lift the siege", "to cut the road". */
    private static final Set<String> PURPOSE_VERBS = Set.of("lift", "cut", "capture", "take", "seize", "recapture",
            "retake", "besiege", "encircle", "surround", "secure", "relieve", "break", "expel", "drive", "clear", "link",
            "open", "reopen", "block", "prevent", "isolate", "storm", "reach", "control", "regain", "push", "protect",
            "defend", "reinforce", "help", "support", "counter", "repel", "stop", "halt", "stage", "launch", "mount", "attack",
            "shell", "target", "strike", "threaten");
    /** Verbs after which "to X" is what was done, not its purpose: "began to storm", "managed to seize". */
    private static final Set<String> CATENATIVES = Set.of("began", "begin", "begins", "started", "start", "starts",
            "continued", "continue", "continues", "managed", "manage", "tried", "try", "attempted", "failed", "sought",
            "proceeded", "moved", "rushed", "able", "went", "came", "helped", "used", "allowed", "forced");
    /** Words between "the" and a place noun that still refer back: "the entire airbase", "the besieged town". */
    private static final Set<String> REFERENCE_MODIFIERS = Set.of("entire", "whole", "besieged", "nearby", "strategic",
            "main", "military", "old", "former", "same", "key", "important", "small", "large", "adjacent", "embattled");
    private static final Set<String> PASSIVE_AUX = Set.of("was", "were", "been", "being", "is", "are", "be", "got", "get");
    private static final Set<String> PRONOUNS = Set.of("they", "it", "he", "she", "we", "them");
    private static final Set<String> ATTACK_NOUNS = Set.of("attack", "attacks", "assault", "assaults", "offensive",
            "counter-attack", "counter-attacks", "counterattack", "counterattacks", "counter-offensive", "advance",
            "advances", "attempt", "attempts", "push", "raid", "raids", "incursion", "infiltration", "onslaught");
    private static final Set<String> ASSOCIATE_CUES = Set.of("alongside", "with", "backed", "supported", "support",
            "aided", "assisted", "accompanied", "joined", "together", "cooperation", "coordination");

    private final Lexicon triggers;
    private final Lexicon cues;
    private final io.frontline.actors.Sides sides;

    public FrameBuilder(Lexicon triggers, Lexicon cues, io.frontline.actors.Sides sides) {
        this.triggers = triggers;
        this.cues = cues;
        this.sides = sides;
    }

    /** True when the sentence is commentary ("In summing up ... it becomes clear"), which yields no events. */
    public boolean isAnalysis(Sentence s) {
        return cues.first(s.text(), "analysis").isPresent();
    }

    public List<Frame> frames(Sentence s, List<ActorMention> actors, List<PlaceMention> places) {
        List<Trig> trigs = triggers(s, actors, places);
        if (trigs.isEmpty()) {
            return List.of();
        }
        Attribution attribution = attribution(s);
        List<Frame> out = new ArrayList<>();
        List<ActorMention> sentenceSubject = List.of();
        List<Fatalities.Count> sentenceDeaths = null; // the sentence's death counts, found once for all its triggers
        for (int t = 0; t < trigs.size(); t++) {
            Trig tr = trigs.get(t);
            int clauseStart = clauseStart(s, tr.first);
            if (tr.rule.id().equals("air-struck") && groundFireBefore(s, clauseStart, tr.first)) {
                tr = new Trig(TriggerClass.SHELL, tr.rule, tr.first, tr.last); // "Turkish artillery units then struck X"
            }
            if (t > 0) {
                // "the military counter-attacked and ISIL forces retreated": a new subject after "and" opens a clause
                clauseStart = Math.max(clauseStart, coordinatedSubjectStart(s, actors, trigs.get(t - 1).last, tr.first));
            }
            int next = t + 1;
            while (next < trigs.size() && dropped(s, trigs.get(next))) {
                next++; // "a suicide bomber ... struck an army position on the edge of X": a "struck" that is no air strike does not end the scope
            }
            int scopeEnd = next < trigs.size() ? trigs.get(next).first : s.size();
            // a repelled attempt's goal is where the fighting was: "repelled an attempt to recapture X"
            scopeEnd = Math.min(scopeEnd, clauseEnd(s, tr.last + 1, tr.kind != TriggerClass.REPEL));
            // "three fighters died in an ambush (by X)": the subject suffered the attack, as with a passive verb
            boolean passive = isPassive(s, tr.first) || tr.rule.id().equals("attack-victims");

            // subject: actors before the trigger in its clause (and before an earlier trigger of the clause, whose
            // objects they would be), outside prepositional phrases; of several groups the one nearest the trigger
            int subjectEnd = tr.first;
            if (t > 0 && trigs.get(t - 1).first >= clauseStart && !frontedNominal(s, trigs.get(t - 1), clauseStart)) {
                subjectEnd = trigs.get(t - 1).first;
            }
            List<ActorMention> subject = new ArrayList<>();
            List<ActorMention> associates = new ArrayList<>();
            for (ActorMention a : actors) {
                if (a.lastToken() < subjectEnd && a.firstToken() >= clauseStart && !inAttribution(a, attribution)) {
                    String prep = prepositionBefore(s, a.firstToken());
                    if (isAssociateCue(s, a.firstToken())) {
                        associates.add(a);
                    } else if (prep == null && !"held".equals(a.modifier()) && a.modifier() == null && !possessor(s, a)) {
                        subject.add(a);
                    }
                }
            }
            subject = lastCoordinatedGroup(s, subject);
            if (subject.isEmpty()) {
                for (ActorMention a : actors) {
                    if (a.firstToken() <= tr.first && tr.last <= a.lastToken() && STRIKES_NAME.matcher(a.text()).find()) {
                        subject.add(a); // "Russian airstrikes killed 12 people": the strikes' owner acted
                    }
                }
            }
            if (participle(s, tr.first) && !sentenceSubject.isEmpty()) {
                // "FSA fighters launched an assault after targeting IS positions, breaking through and re-entering the
                // town": a participle clause shares the subject of the main clause
                subject = new ArrayList<>(sentenceSubject);
            }
            String subjectRef = null;
            boolean speakerActs = false;
            if (subject.isEmpty()) {
                subjectRef = pronounSubject(s, clauseStart, tr.first);
                ActorMention speaker = subjectRef == null || attribution == null ? null : armedSpeaker(actors, attribution, tr.first);
                if (speaker != null && !subjectRef.startsWith("the ")) {
                    // "the army said it had repelled an attack", "the SDF said its fighters captured X": the speaker acts
                    subject.add(speaker);
                    subjectRef = null;
                    speakerActs = true;
                }
            }
            if (subject.isEmpty()) {
                if (subjectRef == null && !sentenceSubject.isEmpty() && clauseStart > 0) {
                    subject.addAll(sentenceSubject); // "X captured A and, later, shelled B": the clause shares X
                }
            }
            // actors after the trigger in scope
            List<ActorMention> after = new ArrayList<>();
            for (ActorMention a : actors) {
                if (a.firstToken() > tr.last && a.firstToken() < scopeEnd && !inAttribution(a, attribution)) {
                    after.add(a);
                }
            }
            boolean frontedTrigger = frontedNominal(s, tr, clauseStart);
            // "shelling carried out by the rebels on X", "an attack by ISIL on X": a noun with its agent after it
            boolean nominalBy = !passive && agentPhraseAfter(s, tr.last);
            // "warplanes of the Turkish army bombed X": the aircraft's owner acts
            boolean aircraftOf = !passive && AIRCRAFT.contains(s.token(tr.last).lower()) && tr.last + 1 < s.size()
                    && s.token(tr.last + 1).is("of");
            nominalBy |= aircraftOf;
            List<ActorMention> agent = List.of();
            List<ActorMention> loser = new ArrayList<>();
            List<ActorMention> target = new ArrayList<>();
            List<ActorMention> winnerTo = new ArrayList<>();
            for (ActorMention a : after) {
                String prep = prepositionBefore(s, a.firstToken());
                if (isAssociateCue(s, a.firstToken())) {
                    associates.add(a);
                } else if (("by".equals(prep) || aircraftOf && "of".equals(prep)) && (passive || nominalBy) && agent.isEmpty()) {
                    agent = List.of(a);
                } else if ("from".equals(prep)) {
                    loser.add(a);
                } else if ("to".equals(prep)) {
                    winnerTo.add(a);
                } else if (prep == null && frontedTrigger) {
                    continue; // "after heavy bombardment rebels stormed X": the subject of the main clause, not a target
                } else if (prep == null || Set.of("against", "on", "at", "with", "between").contains(prep)
                        || "of".equals(prep) && !tr.kind.isBattle()) {
                    target.add(a); // "an IED targeting a vehicle of regime forces"

                } else if ("held".equals(a.modifier()) || "controlled".equals(a.modifier())) {
                    loser.add(a);
                }
            }
            // holders named in compounds anywhere in scope: "the ISIS-held town of X"
            for (ActorMention a : actors) {
                if (("held".equals(a.modifier()) || "controlled".equals(a.modifier())) && !loser.contains(a)
                        && a.firstToken() >= clauseStart && a.firstToken() < scopeEnd) {
                    loser.add(a);
                }
            }

            List<ActorMention> a1;
            List<ActorMention> a2;
            String how1 = "subject";
            String how2;
            switch (tr.kind) {
                case REPEL -> {
                    List<ActorMention> attacker = attackerOfRepel(s, tr, after);
                    a1 = attacker;
                    how1 = attacker.isEmpty() ? "" : "attacker-of-repelled-attack";
                    a2 = passive ? agent : subject;
                    how2 = "defender";
                }
                case LOSE -> {
                    a1 = winnerTo.isEmpty() ? target.isEmpty() ? List.of() : target : winnerTo;
                    how1 = a1.isEmpty() ? "" : "winner-to";
                    a2 = subject;
                    how2 = "subject-lost";
                }
                case FALL -> {
                    a1 = winnerTo.isEmpty() ? target : winnerTo;
                    how1 = "fell-to";
                    a2 = loser;
                    how2 = loser.isEmpty() ? "" : "from";
                }
                default -> {
                    if (passive) {
                        a1 = agent;
                        how1 = agent.isEmpty() ? "" : "passive-by";
                        a2 = !loser.isEmpty() ? loser : subject;
                        how2 = !loser.isEmpty() ? "from" : subject.isEmpty() ? "" : "passive-subject";
                    } else if (nominalBy && !agent.isEmpty()) {
                        a1 = agent;
                        how1 = "noun-by";
                        a2 = !loser.isEmpty() ? loser : target;
                        how2 = !loser.isEmpty() ? "from" : target.isEmpty() ? "" : "object";
                    } else {
                        a1 = subject;
                        a2 = !loser.isEmpty() ? loser : target;
                        how2 = !loser.isEmpty() ? "from" : target.isEmpty() ? "" : "object";
                    }
                }
            }
            if (speakerActs && "subject".equals(how1) && !a1.isEmpty() && inAttribution(a1.get(0), attribution)) {
                how1 = "speaker-of-attribution";
            }
            if (tr.kind == TriggerClass.HANDOVER && !winnerTo.isEmpty()) {
                // "the SDF handed over Manbij to government forces": the receiver takes the place, the giver loses it
                a2 = passive ? agent : subject;
                how2 = a2.isEmpty() ? "" : "handed-over-by";
                a1 = winnerTo;
                how1 = "handed-to";
            }
            if (a2.isEmpty() && a1.size() >= 2 && tr.kind != TriggerClass.CLASH && reciprocal(s, tr.first)) {
                // "regime forces and HTS exchanged fire": with a reciprocal verb a group of enemies is both sides
                // ("the YPG and rebels captured X" stays one group: they fought together)
                ActorMention lead = a1.get(0);
                List<ActorMention> enemies = a1.stream().filter(x -> !sameSide(lead, x)).toList();
                if (!enemies.isEmpty()) {
                    a1 = a1.stream().filter(x -> sameSide(lead, x)).toList();
                    a2 = List.of(enemies.get(0));
                    how2 = "coordinated-enemy";
                }
            }
            if (tr.kind.isRemote() && causeOf(s, tr.first) && !a1.isEmpty() && "subject".equals(how1)) {
                // "60 rebels were killed ..., mostly due to mines", "ISIL retreated due to heavy shelling": the subject
                // suffered the weapon; who used it is for the context to tell
                a2 = a1;
                how2 = "subject-hit";
                a1 = List.of();
                how1 = "";
            }
            // the other side is never the acting side itself ("the SDF captured A ..., and the SDF captured B");
            // allies may hand a place over to each other
            final List<ActorMention> acting = a1;
            a2 = new ArrayList<>(a2);
            if (tr.kind != TriggerClass.HANDOVER) {
                a2.removeIf(x -> acting.stream().anyMatch(y -> y.actor() != null && x.actor() != null
                        && sides.allied(y.actor().side(), x.actor().side())));
            }
            if (a2.isEmpty() && tr.kind.isRemote()) {
                // "two citizens were killed when terrorists fired rockets on X": the dead of the main clause were hit
                ActorMention hit = victimsBeforeWhen(s, actors, tr.first);
                if (hit != null && !acting.contains(hit)) {
                    a2 = new ArrayList<>(List.of(hit));
                    how2 = "killed-when";
                }
            }
            if (tr.kind == TriggerClass.PROTEST) {
                a2.clear(); // ACLED leaves the second actor of a peaceful protest empty ("a demonstration against the regime")
            }
            if (a2.isEmpty() && !how2.startsWith("clash")) {
                how2 = "";
            }
            if (tr.kind == TriggerClass.CLASH && a1.size() >= 2 && a2.isEmpty()) {
                // "clashes between X and Y"
                a2 = List.of(a1.get(1));
                a1 = List.of(a1.get(0));
                how2 = "clash-between";
            } else if (tr.kind == TriggerClass.CLASH && a1.isEmpty() && target.size() >= 2) {
                a1 = List.of(target.get(0));
                a2 = List.of(target.get(1));
                how1 = "clash-between";
                how2 = "clash-between";
            }
            List<ActorMention> group = new ArrayList<>(dedupe(a1));
            for (ActorMention a : associates) {
                if (!group.contains(a) && !a2.contains(a)) {
                    group.add(a); // associated actors follow the primary
                }
            }
            if (tr.kind.subjectActs && !subject.isEmpty()) {
                sentenceSubject = subject;
            }

            if (tr.rule.id().equals("air-struck") && tr.kind == TriggerClass.AIR && !aircraftBefore(s, clauseStart, tr.first)
                    && a1.stream().noneMatch(FrameBuilder::airborne)) {
                continue; // "struck", "hit", "pounded" are air strikes only when aircraft or an air force strike
            }
            // places
            List<PlaceMention> inScope = new ArrayList<>();
            PlaceMention region = null;
            int placeFrom = tr.last + 1;
            if (passive || tr.kind == TriggerClass.FALL || tr.kind == TriggerClass.LOSE && subject.isEmpty()
                    || tr.kind.isRemote() && meansOrCause(s, tr.first)) {
                // "60 rebels were killed in Jakkah, mostly due to mines", "destroyed a tank near X using a guided
                // missile": the weapon named last was used where the clause says
                placeFrom = clauseStart;
            }
            for (PlaceMention p : places) {
                if (attribution != null && attribution.span.contains(p.span())) {
                    continue; // "according to a military source in Latakia": where the speaker is, not the event
                }
                if (p.firstToken() >= placeFrom && p.firstToken() < scopeEnd && (p.firstToken() > tr.last || p.lastToken() < tr.first)) {
                    if (tr.kind == TriggerClass.LOSE && destination(s, tr.last, p)) {
                        continue; // "retreated from X towards Y": Y is where they went, not what they lost
                    }
                    if (p.role() == PlaceMention.Role.EVENT && !container(s, p, places)) {
                        inScope.add(p);
                    } else if (p.role() == PlaceMention.Role.REGION && region == null) {
                        region = p;
                    }
                }
            }
            if (tr.kind == TriggerClass.ATTACK || tr.kind == TriggerClass.SHELL || tr.kind == TriggerClass.AIR
                    || tr.kind == TriggerClass.REPEL || tr.kind == TriggerClass.CLASH) {
                // "attacked positions near Marea from Tal Rifaat", "mortars fired from Qamishli hit Nusaybin": the place an
                // attack came from is not where it struck, when the sentence names another
                final int trigLast = tr.last;
                final int end = scopeEnd;
                boolean elsewhere = places.stream().anyMatch(p -> !origin(s, p)
                        && p.role() != PlaceMention.Role.REGION && p.role() != PlaceMention.Role.ROAD
                        && (inScope.contains(p) || p.firstToken() > trigLast && p.firstToken() < end));
                if (elsewhere) {
                    inScope.removeIf(p -> origin(s, p));
                }
            }
            if (inScope.isEmpty()) {
                // "residents of Hammouriyeh demonstrated", "villagers of X were killed": the people's place is the event's
                for (PlaceMention p : places) {
                    if (p.lastToken() < tr.first && p.firstToken() >= clauseStart && p.role() == PlaceMention.Role.EVENT
                            && RESIDENTS.contains(p.rule())) {
                        inScope.add(p);
                    }
                }
            }
            boolean itAfter = tr.last + 1 < s.size() && s.token(tr.last + 1).is("it")
                    || tr.last + 2 < s.size() && s.token(tr.last + 1).is("of") && s.token(tr.last + 2).is("it"); // "took control of it"
            if (itAfter && (tr.kind.changesControl() || tr.kind.isBattle())) {
                // "ISIL recaptured the Tal-ar area, before the rebels seized it in addition to Ziadiyah": "it" is the
                // place the sentence named last before the trigger
                for (int k = places.size() - 1; k >= 0; k--) {
                    PlaceMention p = places.get(k);
                    if (p.lastToken() < tr.first && p.referable()
                            && (attribution == null || !attribution.span.contains(p.span()))) {
                        if (!inScope.contains(p)) {
                            inScope.add(0, p);
                        }
                        break;
                    }
                }
            }
            if (inScope.isEmpty()) {
                // "In Raqqah, the SDF repelled ...": a fronted place serves the sentence's triggers
                for (PlaceMention p : places) {
                    if (p.lastToken() < tr.first && p.role() == PlaceMention.Role.EVENT && fronted(s, p)) {
                        inScope.add(p);
                    }
                }
                if (inScope.isEmpty() && region == null) {
                    for (PlaceMention p : places) {
                        if (p.lastToken() < tr.first && p.role() == PlaceMention.Role.REGION && fronted(s, p)) {
                            region = p;
                        }
                    }
                }
            }
            if (inScope.isEmpty() && region == null && possessivePart(s, tr.last + 1, scopeEnd)) {
                // "reached the Tabqa Dam and were fighting ISIL at its entrance": "its" is the place named just before
                for (int k = places.size() - 1; k >= 0; k--) {
                    PlaceMention p = places.get(k);
                    if (p.lastToken() < tr.first && p.role() == PlaceMention.Role.EVENT) {
                        inScope.add(p);
                        break;
                    }
                }
            }
            String placeRef = null;
            if (inScope.isEmpty()) {
                // "took two villages east of al-Bab", "shelled positions near X": the event is near its anchor,
                // when the anchor comes before any region ("the outskirts of X in Idleb countryside")
                for (PlaceMention p : places) {
                    if (p.role() == PlaceMention.Role.ANCHOR && p.firstToken() > tr.last && p.firstToken() < scopeEnd
                            && (region == null || p.firstToken() < region.firstToken())) {
                        region = p;
                        break;
                    }
                }
                if (region != null && region.role() == PlaceMention.Role.ANCHOR && region.relation() != null
                        && region.relation().nearness()) {
                    // "air strikes near A and B": the event is near each of them
                    List<PlaceMention> list = new ArrayList<>(List.of(region));
                    for (PlaceMention p : places) {
                        if (p.role() == PlaceMention.Role.ANCHOR && p.rule().equals("place-slot:list:" + list.get(list.size() - 1).name())
                                && p.firstToken() < scopeEnd) {
                            list.add(p);
                        }
                    }
                    if (list.size() > 1) {
                        inScope.addAll(list);
                        region = null;
                    }
                }
            }
            int subjectPlace = inScope.isEmpty() && region == null ? passivePlaceSubject(s, clauseStart, tr.first) : -1;
            if (subjectPlace >= 0) {
                // "The town was targeted by artillery and aerial bombing": the place is the subject of a passive verb
                for (PlaceMention p : places) {
                    if (p.role() == PlaceMention.Role.EVENT && p.lastToken() == subjectPlace) {
                        inScope.add(p);
                        break;
                    }
                }
                if (inScope.isEmpty() && subjectPlace >= 1) {
                    String ref = placeReference(s, Math.max(clauseStart, subjectPlace - 3), subjectPlace + 1);
                    placeRef = ref != null && (ref.startsWith("the ") || ref.startsWith("this ")) ? ref : null;
                }
            }
            if (inScope.isEmpty() && region == null && placeRef == null) {
                placeRef = placeReference(s, tr.last + 1, scopeEnd);
            } else if (!inScope.isEmpty() && placeRef == null && tr.kind.changesControl() && inScope.get(0).firstToken() > tr.last + 2) {
                // "recaptured the town, along with four other villages, including X": the town named before is taken
                // as well as X
                String ref = placeReference(s, tr.last + 1, Math.min(tr.last + 4, inScope.get(0).firstToken()));
                placeRef = ref != null && ref.startsWith("the ") && !ref.endsWith(" area") ? ref : null;
            }
            if (tr.kind == TriggerClass.TAKE && peopleObject(s, tr.last + 1, scopeEnd)) {
                continue; // "the fighters took 12 nuns from the convent to Yabrud", "took 30 soldiers prisoner": people, not a place
            }
            if (tr.kind.changesControl() && routeObject(s, tr.last + 1, scopeEnd) && (inScope.isEmpty()
                    || !joined(s, tr.last + 1, inScope.get(0).firstToken()))) {
                continue; // "ISIL lost the only land route into the city", "recaptured the road between A and B": no place changed hands
            }
            List<PlaceMention> anchors = new ArrayList<>();
            for (PlaceMention p : places) {
                if (p.role() != PlaceMention.Role.EVENT) {
                    anchors.add(p);
                }
            }

            Modality mod = Modality.FACT;
            String modRule = null;
            String before = s.text().substring(s.token(clauseStart).start() - s.span().start(), s.token(tr.first).start() - s.span().start());
            for (String kind : List.of("negated", "attempted", "predicted", "intended")) {
                Optional<Lexicon.Hit> h = cues.first(before, kind);
                if (h.isPresent()) {
                    mod = Modality.valueOf(kind.toUpperCase(Locale.ROOT));
                    modRule = h.get().rule().id();
                    break;
                }
            }
            if (mod == Modality.FACT && !out.isEmpty() && t > 0 && trigs.get(t - 1).first >= clauseStart
                    && out.get(out.size() - 1).modality() != Modality.FACT && coordinatedTriggers(s, trigs.get(t - 1), tr)) {
                // "with the goal of recapturing X and advancing into Y": both are intended
                mod = out.get(out.size() - 1).modality();
                modRule = out.get(out.size() - 1).modalityRule() + " (shared by coordination)";
            }
            if (mod == Modality.FACT && tr.kind != TriggerClass.TAKE && tr.first > 0
                    && Set.of("nearly", "almost").contains(s.token(tr.first - 1).lower())) {
                mod = Modality.NEGATED; // "nearly besieging the city": it did not come to that
                modRule = "nearly";
            }
            if (mod == Modality.FACT || mod == Modality.ATTEMPTED) {
                String rest = s.text().substring(s.token(tr.first).start() - s.span().start());
                Optional<Lexicon.Hit> f = cues.first(rest, "failed");
                if (f.isPresent() && tr.kind.changesControl() || f.isPresent() && tr.kind == TriggerClass.ENTER
                        || f.isPresent() && tr.kind == TriggerClass.ATTACK) {
                    mod = Modality.FAILED;
                    modRule = f.get().rule().id();
                }
            }
            List<Fatalities.Count> deaths = new ArrayList<>();
            int scopeStartChar = s.token(tr.first).start() - s.span().start();
            int scopeEndChar = scopeEnd < s.size() ? s.token(scopeEnd).start() - s.span().start() : s.text().length();
            if (sentenceDeaths == null) {
                sentenceDeaths = Fatalities.find(s.text());
            }
            for (Fatalities.Count c : sentenceDeaths) {
                boolean inTriggerScope = c.start() >= scopeStartChar && c.start() < scopeEndChar;
                // after the last trigger its consequences count (", killing 5"), not a contrasting clause (", while 11
                // soldiers died defending another base")
                boolean lastTrigger = t == trigs.size() - 1 && c.start() >= scopeStartChar
                        && !CONTRAST.matcher(s.text().substring(Math.min(scopeEndChar, c.start()), c.start())).find();
                boolean beforeAll = t == 0 && c.start() < scopeStartChar; // "three fighters died in an ambush
                if (inTriggerScope || lastTrigger || beforeAll) {
                    deaths.add(c);
                }
            }
            if (tr.kind.isRemote() && a2.stream().allMatch(x -> "held".equals(x.modifier()) || "controlled".equals(x.modifier()))) {
                // "shelling on ISIL-held X resulted in the deaths of 10 civilians": with no armed target named, the
                // civilians who were hit are the target (ACLED)
                for (ActorMention a : actors) {
                    if (a.firstToken() > tr.last && a.actor() != null && a.actor().side().equals("civilians") && a.actor().inter() == 7
                            && !inAttribution(a, attribution) && !possessive(s, a)) {
                        a2 = List.of(a);
                        how2 = "civilian-victims";
                        break;
                    }
                }
            }
            TriggerClass kind = tr.kind;
            Lexicon.Rule rule = tr.rule;
            boolean almost = tr.first > 0 && Set.of("almost", "nearly", "partially", "partly", "largely").contains(s.token(tr.first - 1).lower());
            if (kind == TriggerClass.TAKE && (almost || !passive && partOfPlace(s, tr.last + 1, inScope, region))) {
                // "captured 60% of the dam", "captured the radio station in the city": fighting in the place, which
                // did not change hands (ACLED codes a partial capture as an armed clash)
                kind = TriggerClass.CLASH;
                rule = new Lexicon.Rule("clash", tr.rule.id() + " (part of the place)", tr.rule.pattern());
            }
            if (kind == TriggerClass.SHELL && !passive && aircraftBefore(s, clauseStart, tr.first)) {
                // "a fighter jet fired rockets at X", "a drone fired two missiles": fire from the air is an air strike
                kind = TriggerClass.AIR;
                rule = new Lexicon.Rule("air", tr.rule.id() + " (fired from the air)", tr.rule.pattern());
            }
            Span trigSpan = new Span(s.token(tr.first).start(), s.token(tr.last).end());
            out.add(new Frame(s, kind, rule, trigSpan, passive, group, group.isEmpty() ? "" : how1, dedupe(a2),
                    a2.isEmpty() ? "" : how2, inScope, region, anchors, mod, modRule,
                    attribution == null ? null : attribution.source, attribution == null ? null : attribution.span,
                    deaths, subjectRef, placeRef));
        }
        // "detonated two suicide cars at X, followed by clashes": what followed happened at the same place
        for (int i = 1; i < out.size(); i++) {
            Frame f = out.get(i);
            Frame prev = out.get(i - 1);
            int k = trigs.get(i).first;
            if (!f.located() && f.placeRef() == null && prev.located() && k >= 2 && s.token(k - 1).is("by")
                    && (s.token(k - 2).is("followed") || s.token(k - 2).is("accompanied"))) {
                out.set(i, f.withPlaces(prev.places(), prev.region()));
            }
        }
        // "after heavy artillery bombardment rebels began to storm X": the bombardment was the rebels', at X
        for (int i = 0; i + 1 < out.size(); i++) {
            Frame f = out.get(i);
            Frame next = out.get(i + 1);
            if (f.actor1().isEmpty() && !next.actor1().isEmpty() && frontedNominal(s, trigs.get(i), clauseStart(s, trigs.get(i).first))
                    && "subject".equals(next.actor1How())) {
                f = f.withActors(next.actor1(), "subject of the main clause", f.actor2(), f.actor2How());
                if (!f.located() && f.placeRef() == null) {
                    f = f.withPlaces(next.places(), next.region()).withPlaceRef(next.placeRef());
                }
                out.set(i, f);
            }
        }
        // "targeted by artillery and aerial bombing by the Turkish Air Force": coordinated nouns share the agent
        // and the place
        for (int i = out.size() - 2; i >= 0; i--) {
            Frame f = out.get(i);
            Frame next = out.get(i + 1);
            boolean nounPair = trigs.get(i + 1).first - trigs.get(i).last <= 3 && s.token(trigs.get(i).last + 1).is("and");
            if (trigs.get(i + 1).first == trigs.get(i).last + 1 && f.kind().isRemote() && next.kind().isRemote()
                    && !f.located() && f.placeRef() == null && (next.located() || next.placeRef() != null)) {
                // "artillery bombed positions near the city": the weapon's fire hit where the verb says
                out.set(i, f.withPlaces(next.places(), next.region()).withPlaceRef(next.placeRef()));
                f = out.get(i);
            }
            if (nounPair && !next.located() && next.placeRef() == null && (f.located() || f.placeRef() != null)) {
                next = next.withPlaces(f.places(), f.region()).withPlaceRef(f.placeRef());
                out.set(i + 1, next);
            }
            if (f.actor1().isEmpty() && f.subjectRef() == null && ("noun-by".equals(next.actor1How()) || "passive-by".equals(next.actor1How()))
                    && nounPair && !(f.kind() == TriggerClass.SHELL && next.actor1().get(0).actor() != null
                    && next.actor1().get(0).actor().isAirForce())) { // an air force fires no artillery
                out.set(i, f.withActors(next.actor1(), next.actor1How() + " (shared by coordination)", f.actor2(), f.actor2How()));
            }
        }
        return out;
    }

    /**
     * The first token of a subject group that follows "and", "but" or a comma after an earlier trigger and stands right
     * before this trigger (auxiliaries and adverbs aside), or -1 when there is none.
     */
    private static int coordinatedSubjectStart(Sentence s, List<ActorMention> actors, int previousTriggerEnd, int trigger) {
        ActorMention last = null;
        for (ActorMention a : actors) {
            if (a.firstToken() > previousTriggerEnd && a.lastToken() < trigger) {
                last = a;
            }
        }
        if (last == null) {
            return -1;
        }
        for (int k = last.lastToken() + 1; k < trigger; k++) {
            String w = s.token(k).lower();
            if (!PASSIVE_AUX.contains(w) && !w.endsWith("ly") && !Set.of("had", "have", "has", "also", "then", "later", "soon",
                    "forces", "fighters", "troops", "units", "militants", "again", "all", ")", "fighter", "soldier", "soldiers",
                    "militant", "member", "members", "commander", "commanders").contains(w)) {
                return -1;
            }
        }
        // the whole coordinated group: "and the YPG and FSA forces had captured"
        ActorMention first = last;
        for (int j = actors.indexOf(last) - 1; j >= 0; j--) {
            ActorMention a = actors.get(j);
            if (a.firstToken() > previousTriggerEnd && coordinated(s, a, first)) {
                first = a;
            } else {
                break;
            }
        }
        if (first.firstToken() >= 2 && s.token(first.firstToken() - 1).is("(")) {
            // "the Syrian Arab Army (SAA) withdrew": the abbreviation in brackets belongs to the name before it
            for (ActorMention a : actors) {
                if (a.lastToken() == first.firstToken() - 2 && a.firstToken() > previousTriggerEnd) {
                    first = a;
                }
            }
        }
        int k = first.firstToken() - 1;
        while (k > previousTriggerEnd && (SKIP.contains(s.token(k).lower()) || COUNT_WORDS.contains(s.token(k).lower()))) {
            k--; // "after at least one al-Nusra fighter blew himself up"
        }
        String before = k > previousTriggerEnd ? s.token(k).lower() : "";
        return Set.of("and", "but", ",", "while", "whereas", "then", "after", "before", "when", "until", "because", "since", "once").contains(before) ? k + 1 : -1;
    }

    /** "[shelling] carried out by", "[attack] conducted by", "[airstrikes] by": the agent follows a nominal trigger. */
    private static boolean agentPhraseAfter(Sentence s, int last) {
        int k = last + 1;
        if (k < s.size() && Set.of("carried", "conducted", "launched", "mounted", "staged", "led", "waged").contains(s.token(k).lower())) {
            k++;
            if (k < s.size() && s.token(k).is("out")) {
                k++;
            }
        }
        return k < s.size() && s.token(k).is("by") && s.token(last).lower().matches(
                "shelling|bombardment|attacks?|assaults?|strikes?|airstrikes?|air-strikes?|raids?|offensive|bombing|advance|ambush|counter-?attack|offensive");
    }

    /** Nouns after an actor's name that make the name a possessor: "IS positions", "ISIL headquarters". */
    /** An actor named by its strikes ("Russian airstrikes", "coalition air raids"): the name holds the trigger. */
    private static final java.util.regex.Pattern STRIKES_NAME = java.util.regex.Pattern.compile(
            "(?i)\\b(?:air[- ]?strikes?|air[- ]?raids?)$");

    private static final Set<String> POSSESSED = Set.of("positions", "position", "targets", "headquarters", "bases", "base",
            "checkpoints", "checkpoint", "convoy", "convoys", "vehicles", "vehicle", "lines", "defenses", "defences",
            "territory", "strongholds", "stronghold", "posts", "outposts", "depot", "depots", "territories",
            "frontlines", "front", "supply", "tanks", "gatherings", "hideouts", "sites",
            // "killed a regional ISIL commander": one person or thing of the group, not the group acting
            "commander", "leader", "emir", "official", "chief", "spokesman", "spokesperson", "governor", "prisoners",
            "detainees", "captives", "hostages", "defectors", "tunnels", "tunnel", "command", "ammunition", "weapons",
            "warehouse", "warehouses", "facility", "facilities", "barracks", "fortifications", "trenches", "prison");

    /** "civilians' property": the owner of a thing hit, not someone hit. */
    private static boolean possessive(Sentence s, ActorMention a) {
        int at = a.span().end() - s.span().start();
        return at < s.text().length() && (s.text().charAt(at) == '\'' || s.text().charAt(at) == '\u2019');
    }

    private static boolean possessor(Sentence s, ActorMention a) {
        int k = a.lastToken() + 1;
        return k < s.size() && POSSESSED.contains(s.token(k).lower());
    }

    /** A trigger that is a participle after a comma, "and" or a subordinator: ", capturing X", "after targeting X". */
    private static boolean participle(Sentence s, int trigger) {
        if (trigger == 0 || !s.token(trigger).lower().endsWith("ing")) {
            return false;
        }
        String prev = s.token(trigger - 1).lower();
        return Set.of(",", "and", "after", "before", "while", "by", "when", "then", "thus", "also").contains(prev);
    }

    private static boolean reciprocal(Sentence s, int trigger) {
        for (int k = Math.max(0, trigger - 3); k < trigger; k++) {
            if (Set.of("exchanged", "exchanging", "traded", "trading", "exchange").contains(s.token(k).lower())) {
                return true;
            }
        }
        return false;
    }

    private boolean sameSide(ActorMention a, ActorMention b) {
        return a.actor() == null || b.actor() == null || !sides.opposed(a.actor().side(), b.actor().side());
    }

    /** "The SAA, the NDF, and the QSF" is one group; "after the ISIS attack, the SDF ..." two: keep the last. */
    private static List<ActorMention> lastCoordinatedGroup(Sentence s, List<ActorMention> ms) {
        if (ms.size() <= 1) {
            return ms;
        }
        int start = ms.size() - 1;
        while (start > 0 && coordinated(s, ms.get(start - 1), ms.get(start))) {
            start--;
        }
        return new ArrayList<>(ms.subList(start, ms.size()));
    }

    private static boolean coordinated(Sentence s, ActorMention a, ActorMention b) {
        if (appositionThenAnd(s, a.lastToken() + 1, b.firstToken())) {
            return true; // "HTS, an alliance of jihadist groups, and Jaish al-Izza"
        }
        for (int k = a.lastToken() + 1; k < b.firstToken(); k++) {
            String w = s.token(k).lower();
            if (!Set.of(",", "and", "the", "(", ")", "its", "their", "allied", "also", "as", "well", "&").contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** ", an alliance of jihadist groups, and (the)": a noun phrase set off by commas, then "and". */
    private static boolean appositionThenAnd(Sentence s, int from, int to) {
        if (to - from < 5 || to - from > 14 || !s.token(from).text().equals(",")
                || !Set.of("a", "an", "the", "one").contains(s.token(from + 1).lower())) {
            return false;
        }
        int and = s.token(to - 1).is("the") ? to - 2 : to - 1;
        if (!s.token(and).is("and") || !s.token(and - 1).text().equals(",")) {
            return false;
        }
        for (int k = from + 2; k < and - 1; k++) {
            String w = s.token(k).text();
            if (w.equals(",") || w.equals(";") || s.token(k).lower().endsWith("ed") && !s.token(k).lower().endsWith("-backed")
                    && k > from + 2 && !s.token(k - 1).is("the") && !s.token(k - 1).is("a")) {
                return false; // a verb inside: a clause, not an apposition
            }
        }
        return true;
    }

    // ---- triggers ---------------------------------------------------------------------------------------

    private record Trig(TriggerClass kind, Lexicon.Rule rule, int first, int last) {
    }

    private List<Trig> triggers(Sentence s, List<ActorMention> actors, List<PlaceMention> places) {
        List<Trig> found = new ArrayList<>();
        for (Lexicon.Hit h : triggers.findAll(s.text(), null)) {
            int startAbs = s.span().start() + h.start();
            int endAbs = s.span().start() + h.end();
            int first = s.tokenAt(startAbs);
            int last = first;
            while (last + 1 < s.size() && s.token(last + 1).start() < endAbs) {
                last++;
            }
            if (first >= s.size()) {
                continue;
            }
            for (ActorMention a : actors) {
                if (a.firstToken() <= first && first <= a.lastToken() && a.lastToken() < last) {
                    first = a.lastToken() + 1; // "[government helicopters] dropped": the actor's own word opens no trigger
                }
            }
            final int f0 = first;
            final int l0 = last;
            // a trigger word inside an actor's name ("Syrian Democratic Forces") is not a trigger
            // unless the name is the strikes themselves: "Russian airstrikes killed ..."
            if (actors.stream().anyMatch(a -> a.firstToken() <= f0 && l0 <= a.lastToken() && !STRIKES_NAME.matcher(a.text()).find())) {
                continue;
            }
            // nor a participle used as an adjective: "the besieged airport", "the captured villages"
            if (first > 0 && first == last && s.token(first).text().endsWith("ed")
                    && Set.of("the", "a", "an", "its", "their", "his", "her", "newly", "recently").contains(s.token(first - 1).lower())) {
                continue;
            }
            // nor inside a place's name ("Artillery Regiment 121 base", "Liberation Square")
            if (places.stream().anyMatch(p -> p.firstToken() <= f0 && l0 <= p.lastToken())) {
                continue;
            }
            TriggerClass kind = TriggerClass.parse(h.rule().kind());
            if (kind.changesControl() && relativeBackReference(s, first)) {
                continue; // "trying to regain areas it previously lost": the loss told before, not a new event
            }
            found.add(new Trig(kind, h.rule(), first, last));
        }
        // overlapping matches: keep the longest, then the strongest
        found.sort(Comparator.comparingInt((Trig t) -> t.first).thenComparingInt(t -> -(t.last - t.first)));
        List<Trig> out = new ArrayList<>();
        int goalEnd = -1;
        for (Trig t : found) {
            Trig prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && t.first == prev.last + 1 && t.kind == prev.kind && t.kind.isRemote()) {
                out.set(out.size() - 1, new Trig(prev.kind, prev.rule, prev.first, t.last)); // "artillery bombardment": one
                continue;
            }
            if (prev != null && t.first <= prev.last) {
                if (t.last - t.first > prev.last - prev.first
                        || t.last - t.first == prev.last - prev.first && t.kind.strength > prev.kind.strength) {
                    out.set(out.size() - 1, t);
                }
                continue;
            }
            // "repelled an ISIS attack": the attack noun belongs to the repel
            if (prev != null && prev.kind == TriggerClass.REPEL && t.kind == TriggerClass.ATTACK && t.first - prev.last <= 5) {
                continue;
            }
            // "repelled an attempt by X to recapture Y": the goal of the repelled attempt did not happen; Y is where
            // the repel took place
            if (prev != null && prev.kind == TriggerClass.REPEL && t.first > 0 && s.token(t.first - 1).is("to")
                    && (t.kind.changesControl() || t.kind == TriggerClass.ENTER || t.kind == TriggerClass.ADVANCE)
                    && (t.first - prev.last <= 10 || goalOfRepelledAttempt(s, prev.last, t.first))) {
                goalEnd = t.last;
                continue;
            }
            if (goalEnd >= 0 && t.first == goalEnd + 2 && s.token(goalEnd + 1).is("and")) {
                goalEnd = t.last; // "to storm and retake X": both verbs are the goal
                continue;
            }
            // "dismantled explosive devices and landmines": the mines are what was disrupted, not another bombing
            if (prev != null && prev.kind == TriggerClass.DISRUPTED && t.kind.isRemote() && joinedByList(s, prev.last, t.first)) {
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /** "repelled an attempt by X and allied militias to retake Y": an attack noun right after the repel, then "to". */
    private static boolean goalOfRepelledAttempt(Sentence s, int repelLast, int goal) {
        boolean attempt = false;
        for (int k = repelLast + 1; k < goal; k++) {
            String w = s.token(k).text();
            if (w.equals(",") || w.equals(";") || s.token(k).is("but") || s.token(k).is("after")) {
                return false;
            }
            attempt |= k <= repelLast + 3 && ATTACK_NOUNS.contains(s.token(k).lower());
        }
        return attempt;
    }

    /** Only list words ("and", "or", commas) stand between two triggers. */
    private static boolean joinedByList(Sentence s, int aLast, int bFirst) {
        if (bFirst - aLast > 3) {
            return false;
        }
        for (int k = aLast + 1; k < bFirst; k++) {
            if (!s.token(k).is("and") && !s.token(k).is("or") && !s.token(k).text().equals(",")) {
                return false;
            }
        }
        return true;
    }

    private static boolean coordinatedTriggers(Sentence s, Trig a, Trig b) {
        for (int k = a.last + 1; k < b.first; k++) {
            String w = s.token(k).lower();
            if (w.equals("and") || w.equals("or")) {
                return k + 1 == b.first || s.token(k + 1).lower().endsWith("ing") || s.token(k + 1).lower().equals("to");
            }
        }
        return false;
    }

    private static boolean isPassive(Sentence s, int first) {
        if (s.token(first).lower().endsWith("ing")) {
            return false; // "were fighting", "is shelling": progressive, not passive
        }
        for (int k = first - 1; k >= Math.max(0, first - 3); k--) {
            String w = s.token(k).lower();
            if (PASSIVE_AUX.contains(w) && !s.token(k).text().equals("IS")) { // "IS recaptured": the group, not "is"
                return true;
            }
            if (!w.endsWith("ly") && !w.equals("reportedly") && !w.equals("also") && !w.equals("then") && !w.equals("later")
                    && !w.equals("finally") && !w.equals("all")) {
                return false;
            }
        }
        return false;
    }

    // ---- clauses ----------------------------------------------------------------------------------------

    private static int clauseStart(Sentence s, int trigger) {
        for (int k = trigger - 1; k > 0; k--) {
            Token t = s.token(k);
            if (t.text().equals(";") || t.text().equals(":")) {
                return k + 1;
            }
            if (t.text().equals(",") && k + 1 < trigger && CONJUNCTIONS.contains(s.token(k + 1).lower())) {
                return k + 1;
            }
            if (CONJUNCTIONS.contains(t.lower()) && !t.lower().equals("as") && (k == 0 || s.token(k - 1).text().equals(","))) {
                return k;
            }
        }
        return 0;
    }

    /** ", with simultaneous attacks near A and B": the attack just named, told in detail; the clause goes on. */
    private static boolean elaboration(Sentence s, int k) {
        for (int j = k; j < s.size() && j < k + 3; j++) {
            if (Set.of("attacks", "assaults", "clashes", "fighting", "strikes", "raids", "advances").contains(s.token(j).lower())) {
                return true;
            }
        }
        return false;
    }

    private static int clauseEnd(Sentence s, int from, boolean purposeEnds) {
        for (int k = from; k < s.size(); k++) {
            Token t = s.token(k);
            if (t.text().equals(";")) {
                return k;
            }
            // a purpose clause names what was intended, not where the trigger happened: "in an attempt to besiege X"
            if (purposeEnds && purposeAt(s, k)) {
                return k;
            }
            if (t.is("as") && k > from && k + 2 < s.size() && !AS_BEFORE.contains(s.token(k - 1).lower())
                    && (s.token(k + 1).isCapitalised() && !s.token(k + 1).is("part") || Set.of("they", "it", "he", "she").contains(s.token(k + 1).lower()))
                    && s.token(k + 2).lower().endsWith("ed")) {
                return k; // "fighting continued in the outskirts as ISIL retained its headquarters in X": a clause of its own
            }
            if (t.is("and") && k + 1 < s.size() && Set.of("it", "there", "this", "they", "he", "she").contains(s.token(k + 1).lower())) {
                return k; // "four towns were seized and it was believed that the dam was held by ISIL": a new clause
            }
            if (t.text().equals(",") && k + 1 < s.size() && (CONJUNCTIONS.contains(s.token(k + 1).lower())
                    && !s.token(k + 1).is("as") || CONSEQUENCES.contains(s.token(k + 1).lower())
                    || s.token(k + 1).is("with") && k + 2 < s.size() && !ASSOCIATE_CUES.contains(s.token(k + 2).lower())
                    && !Set.of("support", "help", "backing", "cover", "the").contains(s.token(k + 2).lower())
                    && !elaboration(s, k + 2))) {
                return k;
            }
        }
        return s.size();
    }

    private static boolean purposeAt(Sentence s, int k) {
        String w = s.token(k).lower();
        String n1 = k + 1 < s.size() ? s.token(k + 1).lower() : "";
        String n2 = k + 2 < s.size() ? s.token(k + 2).lower() : "";
        String n3 = k + 3 < s.size() ? s.token(k + 3).lower() : "";
        if (w.equals("to") && PURPOSE_VERBS.contains(n1) && k > 0 && !PASSIVE_AUX.contains(s.token(k - 1).lower())
                && !CATENATIVES.contains(s.token(k - 1).lower())) {
            return true; // "launched an offensive to lift the siege of X": X is the aim, not the place of the attack
        }
        return w.equals("in") && (n1.equals("order") && n2.equals("to") || (n1.equals("an") || n1.equals("a")) && (n2.equals("attempt") || n2.equals("bid") || n2.equals("effort")) && n3.equals("to"))
                || w.equals("so") && n1.equals("as") && n2.equals("to")
                || (w.equals("aiming") || w.equals("seeking") || w.equals("trying")) && n1.equals("to");
    }

    /** The preposition governing the phrase that starts at token i (skipping articles and adjectives), or null. */
    private static String prepositionBefore(Sentence s, int i) {
        int k = i - 1;
        while (k >= 0 && (SKIP.contains(s.token(k).lower()) || s.token(k).lower().endsWith("-backed")
                || s.token(k).lower().endsWith("-led"))) {
            k--;
        }
        if (k < 0) {
            return null;
        }
        String w = s.token(k).lower();
        if (w.equals("of") && k > 0 && MEMBER_NOUNS.contains(s.token(k - 1).lower())) {
            return prepositionBefore(s, k - 1); // "members of X attacked": X is where the members belong
        }
        return PREPOSITIONS.contains(w) ? w : null;
    }

    /** "alongside X", "with X", "backed by X", "with support from X", "supported by X". */
    private static boolean isAssociateCue(Sentence s, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            String w = s.token(k).lower();
            if (w.equals(",") || w.equals("and") || PRONOUNS.contains(w)) {
                return false;
            }
            if (ASSOCIATE_CUES.contains(w) && !(w.equals("with") && k + 1 == i && !s.token(k).is("with"))) {
                if (w.equals("with")) {
                    // "clashed with X" names an enemy; "together with X", "with support from X" an associate
                    String next = k + 1 < s.size() ? s.token(k + 1).lower() : "";
                    String prev = k > 0 ? s.token(k - 1).lower() : "";
                    return next.equals("support") || next.equals("the") && k + 2 < i && s.token(k + 2).is("support")
                            || prev.equals("together") || prev.equals(",");
                }
                return true;
            }
        }
        return false;
    }

    /** Parts of a place that a possessive refers back through: "its entrance", "its outskirts". */
    private static final Set<String> PLACE_PARTS = Set.of("entrance", "entrances", "outskirts", "gates", "gate", "perimeter",
            "walls", "edges", "edge", "vicinity", "periphery", "centre", "center", "fringes", "approaches", "suburbs");

    private static boolean possessivePart(Sentence s, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            if (s.token(k).is("its") && PLACE_PARTS.contains(s.token(k + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    /** "the village", "the town", "it": a place named in an earlier sentence. */
    /**
     * The last token of the subject when a clause opens with a place or a reference to one and a passive verb comes
     * before the trigger: "The town was initially targeted by artillery", "X had been hit by ...". Else -1.
     */
    private static final Set<String> SUB_SITES = Set.of("building", "buildings", "station", "hospital", "school", "schools",
            "mosque", "square", "street", "streets", "block", "blocks", "compound", "roundabout", "silos", "bakery", "stadium",
            "prison", "courthouse", "headquarters");

    /**
     * True when what was taken is a share or a site inside the place: "60% of X", "half of X", "the radio station in
     * the city".
     */
    /** Aircraft nouns: what they fire hits from the air. */
    private static final Set<String> AIRCRAFT = Set.of("jet", "jets", "warplane", "warplanes", "aircraft", "helicopter",
            "helicopters", "gunship", "gunships", "drone", "drones", "uav", "uavs", "bomber", "bombers", "plane", "planes");

    /** An air force or its aircraft: "the Israeli Air Force", "Russian jets", "coalition warplanes". */
    private static boolean airborne(ActorMention a) {
        if (a.actor() != null && a.actor().isAirForce()) {
            return true;
        }
        String t = a.text().toLowerCase(Locale.ROOT);
        if (t.contains("air force") || t.contains("aerospace")) {
            return true;
        }
        for (String w : t.split("[\\s-]+")) {
            if (AIRCRAFT.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** An aircraft is the subject of the clause: "a fighter jet fired rockets", "Turkish drones fired missiles". */
    /** An "air-struck" trigger ("struck", "hit") with neither aircraft nor guns before it: no event of its own. */
    private static boolean dropped(Sentence s, Trig tr) {
        if (!tr.rule.id().equals("air-struck")) {
            return false;
        }
        int from = clauseStart(s, tr.first);
        return !aircraftBefore(s, from, tr.first) && !groundFireBefore(s, from, tr.first);
    }

    private static final Set<String> GROUND_FIRE = Set.of("artillery", "howitzers", "howitzer", "tanks", "tank", "mortars",
            "mortar", "rockets", "rocket", "shells", "mlrs", "grad", "grads", "cannons", "cannon");

    /** Artillery, tanks or rockets just before "struck", "hit", "pounded": shelling, not an air strike. */
    private static boolean groundFireBefore(Sentence s, int clauseStart, int trigger) {
        for (int k = Math.max(clauseStart, trigger - 4); k < trigger; k++) {
            if (GROUND_FIRE.contains(s.token(k).lower()) && !(k > 0 && PREPOSITIONS.contains(s.token(k - 1).lower()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean aircraftBefore(Sentence s, int clauseStart, int trigger) {
        for (int k = Math.max(clauseStart, trigger - 5); k < trigger; k++) {
            if (AIRCRAFT.contains(s.token(k).lower()) && !(k > 0 && PREPOSITIONS.contains(s.token(k - 1).lower()))
                    && !(k > 0 && s.token(k - 1).is("suicide"))) { // a suicide bomber is no aircraft
                return true;
            }
        }
        return false;
    }

    private static boolean partOfPlace(Sentence s, int from, List<PlaceMention> inScope, PlaceMention region) {
        int placeStart = -1;
        for (PlaceMention p : inScope) {
            placeStart = placeStart < 0 ? p.firstToken() : Math.min(placeStart, p.firstToken());
        }
        if (placeStart < 0 && region != null) {
            placeStart = region.firstToken();
        }
        for (int k = from; placeStart < 0 && k + 2 < s.size() && k < from + 8; k++) {
            if ((s.token(k).is("in") || s.token(k).is("of")) && s.token(k + 1).is("the") && Set.of("city", "town", "village", "base", "airbase", "airport")
                    .contains(s.token(k + 2).lower())) {
                placeStart = k + 1; // "the radio station in the city"
            }
        }
        if (placeStart < from || placeStart - from > 8) {
            return false;
        }
        boolean subSite = false;
        for (int k = from; k < placeStart; k++) {
            String w = s.token(k).lower();
            if (w.endsWith("%") || w.equals("percent") || w.equals("per") || (w.equals("half") || w.equals("third") || w.equals("quarter"))
                    && k + 1 < placeStart && s.token(k + 1).is("of")) {
                return true;
            }
            subSite |= SUB_SITES.contains(w);
        }
        int in = placeStart - 1;
        while (in > from && Set.of("the", "city", "town", "village", "of").contains(s.token(in).lower())) {
            in--;
        }
        return subSite && s.token(in).is("in");
    }

    /** A weapon named as the means or the cause of what the clause tells: "using a guided missile", "due to mines". */
    private static boolean meansOrCause(Sentence s, int trigger) {
        return causeOf(s, trigger) || before(s, trigger, "using");
    }

    /** A weapon named as the cause of what befell the clause's subject: "due to mines", "because of the shelling". */
    private static boolean causeOf(Sentence s, int trigger) {
        return before(s, trigger, "due") || before(s, trigger, "because") || before(s, trigger, "caused");
    }

    /** {@code word} among the four words before the trigger, in its clause. */
    private static boolean before(Sentence s, int trigger, String word) {
        for (int k = trigger - 1; k >= 0 && k >= trigger - 4; k--) {
            String w = s.token(k).lower();
            if (w.equals(word)) {
                return true;
            }
            if (w.equals(",") || w.equals(";")) {
                return false;
            }
        }
        return false;
    }

    /** A trigger noun in a prepositional phrase opening the clause: "after heavy artillery bombardment, ...". */
    private static boolean frontedNominal(Sentence s, Trig t, int clauseStart) {
        String w0 = s.token(t.last).lower();
        if (w0.endsWith("ed") || w0.endsWith("ing") && !w0.equals("shelling") && !w0.equals("bombing")) {
            return false;
        }
        for (int k = t.first - 1; k >= clauseStart && k >= t.first - 4; k--) {
            Token w = s.token(k);
            if (Set.of("after", "following", "amid", "under", "despite", "during", "before").contains(w.lower())) {
                return true;
            }
            if (!w.isWord() || w.isCapitalised() && k > clauseStart
                    || Set.of("the", "their", "its", "his", "her", "these", "those", "this", "that").contains(w.lower())) {
                return false; // "following their unsuccessful suicide attacks": attacks already reported
            }
        }
        return false;
    }

    private static int passivePlaceSubject(Sentence s, int clauseStart, int trigger) {
        int aux = -1;
        for (int j = trigger - 1; j > clauseStart && j >= trigger - 6; j--) {
            String w = s.token(j).lower();
            if (w.equals(",") || w.equals("and") || w.equals(";")) {
                return -1;
            }
            if (Set.of("was", "were", "is", "are", "been").contains(w)) {
                aux = j;
                break;
            }
        }
        if (aux < 0) {
            return -1;
        }
        int subjectEnd = aux - 1;
        if (s.token(aux).is("been") && subjectEnd > clauseStart && Set.of("had", "has", "have").contains(s.token(subjectEnd).lower())) {
            subjectEnd--;
        }
        for (int j = aux + 1; j < s.size(); j++) {
            if (s.token(j).is("since")) {
                return -1; // "The base had been besieged since September 2012": a state, not an event
            }
        }
        boolean participle = false;
        for (int j = aux + 1; j < trigger; j++) {
            String w = s.token(j).lower();
            participle |= w.endsWith("ed") || Set.of("hit", "struck", "shot", "overrun", "taken", "caught").contains(w);
        }
        return participle || isPassive(s, trigger) ? subjectEnd : -1;
    }

    private static String placeReference(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = s.token(k).lower();
            if ((w.equals("it") || w.equals("there")) && k == from) {
                return w;
            }
            if (w.equals("the") || w.equals("this")) {
                int n = k + 1;
                while (n < to && n < k + 3 && (REFERENCE_MODIFIERS.contains(s.token(n).lower())
                        || PlaceRecognizer.FEATURE_MODIFIERS.contains(s.token(n).lower()))) {
                    n++; // "the entire airbase", "the besieged town"
                }
                if (n < to && Set.of("village", "town", "city", "hill", "base", "airport", "airbase", "area", "neighbourhood",
                        "neighborhood", "district", "mountain", "dam", "silos", "checkpoint", "factory", "bridge", "crossing",
                        "station", "plant", "hospital", "prison", "oilfield", "junction", "roundabout", "college", "academy",
                        "citadel", "castle").contains(s.token(n).lower())
                        && (n + 1 >= s.size() || !s.token(n + 1).is("of"))) {
                    // "captured a village west of the town": the town is only a reference point
                    return (referencePoint(s, k) ? "near " : "") + w + " " + s.token(n).lower();
                }
            }
        }
        return null;
    }

    private static final Set<String> REFERENCE_POINT_HEADS = Set.of("north", "south", "east", "west", "northeast",
            "northwest", "southeast", "southwest", "outskirts", "vicinity", "countryside", "edge", "outside");

    /** The words before index k ("west of", "near", "outside", "close to") make what follows a reference point. */
    private static boolean referencePoint(Sentence s, int k) {
        if (k < 1) {
            return false;
        }
        String w = s.token(k - 1).lower();
        if (w.equals("near") || w.equals("outside") || w.equals("around") || w.equals("nearby")) {
            return true;
        }
        return k >= 2 && (w.equals("of") && REFERENCE_POINT_HEADS.contains(s.token(k - 2).lower())
                || w.equals("to") && s.token(k - 2).is("close") || w.equals("from") && s.token(k - 2).lower().matches("km|kilomet(?:re|er)s|\\d+km"));
    }

    /** An armed group or state force named as the speaker of the sentence's attribution, before the trigger. */
    private static ActorMention armedSpeaker(List<ActorMention> actors, Attribution attribution, int trigger) {
        for (ActorMention a : actors) {
            if (inAttribution(a, attribution) && a.lastToken() < trigger && a.actor() != null
                    && (a.actor().inter() <= 4 || a.actor().inter() == 8)) {
                return a;
            }
        }
        return null;
    }

    private static String pronounSubject(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = s.token(k).lower();
            if (PRONOUNS.contains(w)) {
                return w;
            }
            if ((w.equals("its") || w.equals("their")) && k + 1 < to && Set.of("fighters", "forces", "troops", "units", "members")
                    .contains(s.token(k + 1).lower())) {
                return w + " " + s.token(k + 1).lower(); // "the SDF said its fighters captured X"
            }
            if ((w.equals("group") || w.equals("forces") || w.equals("troops") || w.equals("fighters") || w.equals("force"))
                    && k > 0 && s.token(k - 1).is("the")) {
                return "the " + w;
            }
        }
        return null;
    }

    private static List<ActorMention> attackerOfRepel(Sentence s, Trig tr, List<ActorMention> after) {
        for (ActorMention a : after) {
            // "repelled an ISIS attack" / "repelled an attack by ISIS" / "repelled ISIS's attempt"
            int k = a.lastToken() + 1;
            if (k < s.size() && ATTACK_NOUNS.contains(s.token(k).lower())) {
                return List.of(a);
            }
            String prep = prepositionBefore(s, a.firstToken());
            if ("by".equals(prep) || "of".equals(prep) || "from".equals(prep)) {
                return List.of(a);
            }
        }
        return List.of();
    }

    /**
     * "near Al-Sanamayn in Daraa", "Kafr Nabl town in Idleb", "the Geweran neighbourhood of Hasakah city": the second
     * place only says where the first lies.
     */
    private static final Set<String> DIRECTION_ADJECTIVES = Set.of("northern", "southern", "eastern", "western", "central",
            "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
            "south-western", "rural");

    /** "withdrew from X to Y", "retreating from the base towards the Ithriya area": p is where they went after "from". */
    private static boolean destination(Sentence s, int after, PlaceMention p) {
        int k = p.firstToken() - 1;
        while (k > after && (s.token(k).is("the") || s.token(k).is("city") || s.token(k).is("town") || s.token(k).is("village"))) {
            k--;
        }
        if (k <= after || !(s.token(k).is("to") || s.token(k).is("towards") || s.token(k).is("toward"))) {
            return false;
        }
        for (int j = k - 1; j > after; j--) {
            if (s.token(j).is("from")) {
                return true;
            }
            if (s.token(j).text().equals(";")) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> ROUTE_OBJECTS = Set.of("route", "routes", "road", "roads", "highway", "supply",
            "access", "link", "corridor", "contact", "momentum", "initiative");

    /** Words that may stand before a route noun in a capture's object: "the only available land route". */
    private static final Set<String> ROUTE_DETERMINERS = Set.of("the", "a", "its", "their", "only", "main", "available", "land",
            "key", "vital", "last", "strategic", "important", "direct");

    private static final Set<String> TERRITORY_NOUNS = Set.of("areas", "villages", "positions", "territory", "territories",
            "ground", "points", "towns", "places", "localities", "hills", "checkpoints");

    /** "the areas it previously lost", "villages that they had captured": a relative clause recalling an earlier event. */
    private static boolean relativeBackReference(Sentence s, int trigger) {
        int k = trigger - 1;
        while (k >= 0 && (s.token(k).lower().endsWith("ly") || Set.of("had", "has", "have", "earlier", "just", "recently",
                "once", "before").contains(s.token(k).lower()))) {
            k--;
        }
        if (k < 1 || !Set.of("it", "they", "he", "she").contains(s.token(k).lower())) {
            return false;
        }
        String before = s.token(k - 1).lower();
        if (before.equals("that") || before.equals("which")) {
            // "the villages that they lost", not "the SDF stated that it had captured"
            return k >= 2 && TERRITORY_NOUNS.contains(s.token(k - 2).lower());
        }
        return TERRITORY_NOUNS.contains(before);
    }

    private static final Set<String> ORIGIN_HEADS = Set.of("village", "villages", "town", "towns", "city", "hill", "hills",
            "area", "areas", "district", "neighbourhood", "neighborhood", "base", "camp", "airport", "positions", "direction");

    private static final Set<String> HARMED = Set.of("killed", "wounded", "injured", "died", "martyred", "hurt");

    /**
     * The subject of "were killed" (or wounded) before a "when" that opens the clause of the trigger at {@code trigger}:
     * "eight civilians were killed when mortar shells hit the town", or null.
     */
    private static ActorMention victimsBeforeWhen(Sentence s, List<ActorMention> actors, int trigger) {
        int when = -1;
        for (int k = trigger - 1; k > 0; k--) {
            if (s.token(k).is("when") || s.token(k).is("as")) {
                when = k;
                break;
            }
        }
        if (when < 2) {
            return null;
        }
        int harmed = -1;
        for (int k = when - 1; k > 0; k--) {
            if (HARMED.contains(s.token(k).lower()) && (s.token(k - 1).is("were") || s.token(k - 1).is("was")
                    || s.token(k - 1).is("been"))) {
                harmed = k;
                break;
            }
        }
        if (harmed < 0) {
            return null;
        }
        ActorMention subject = null;
        for (ActorMention a : actors) {
            if (a.lastToken() < harmed && (a.actor() != null || a.reference() != null)) {
                subject = a; // the nearest named group before the verb
            }
        }
        return subject;
    }

    /** "from X", "from the nearby village of X": the place something came from. */
    private static boolean origin(Sentence s, PlaceMention p) {
        for (int k = p.firstToken() - 1; k >= Math.max(0, p.firstToken() - 6); k--) {
            String w = s.token(k).lower();
            if (w.equals("from")) {
                return true;
            }
            if (!(w.equals("the") || w.equals("of") || w.equals("nearby") || w.equals("neighbouring") || w.equals("neighboring")
                    || w.endsWith("-held") || w.endsWith("-controlled") || ORIGIN_HEADS.contains(w))) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> RESIDENTS = Set.of("place-slot:residents of", "place-slot:inhabitants of",
            "place-slot:villagers of", "place-slot:people of");

    private static final Set<String> PEOPLE = Set.of("nuns", "women", "men", "civilians", "people", "hostages", "prisoners",
            "soldiers", "children", "residents", "captives", "journalists", "workers", "priests", "monks", "villagers",
            "fighters", "members", "officers", "troops", "detainees", "girls", "boys", "families", "shepherds", "pilots");

    /**
     * The object of "took" is people: "took 12 Greek Orthodox nuns", "took dozens of soldiers prisoner" (but not
     * "took the soldiers' positions").
     */
    private static boolean peopleObject(Sentence s, int from, int to) {
        for (int k = from; k < Math.min(to, from + 6); k++) {
            String w = s.token(k).lower();
            if (w.equals(",") || w.equals("from") || w.equals("to") || w.equals("in") || w.equals("of") && k == from
                    || w.equals("control") || w.equals("over")) {
                return false;
            }
            if (PEOPLE.contains(w)) {
                return !(k + 1 < s.size() && (s.token(k + 1).text().startsWith("'") || s.token(k + 1).text().startsWith("\u2019")
                        || POSSESSED.contains(s.token(k + 1).lower())));
            }
        }
        return false;
    }

    /** The object of a capture or loss is a road or route: "lost the only available land route", "cut the road". */
    private static boolean routeObject(Sentence s, int from, int to) {
        for (int k = from; k < Math.min(to, from + 5); k++) {
            String w = s.token(k).lower();
            if (ROUTE_OBJECTS.contains(w)) {
                return true;
            }
            if (!ROUTE_DETERMINERS.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** An "and" or comma between two tokens: "captured the road and the town of X" names a second object. */
    private static boolean joined(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.token(k).is("and") || s.token(k).text().equals(",")) {
                return true;
            }
        }
        return false;
    }

    private static boolean container(Sentence s, PlaceMention p, List<PlaceMention> places) {
        int k = p.firstToken() - 1;
        while (k > 1 && (s.token(k).is("the") || DIRECTION_ADJECTIVES.contains(s.token(k).lower()))) {
            k--; // "the town of X in southern Idleb"
        }
        if (k < 1 || !s.token(k).is("in") && !s.token(k).is("of")) {
            return false;
        }
        for (PlaceMention q : places) {
            if (q.role() == PlaceMention.Role.REGION && q.relation() != null && q.relation().kind().equals("contains")
                    && q.lastToken() == k - 1 && s.token(k).is("of")) {
                return false; // "the Damascus suburb of Qudsaya": the name before contains this one, not the reverse
            }
            if (q != p && (q.lastToken() == k - 1 || q.lastToken() == k - 2 && s.token(k - 1).text().equals(",")
                    || q.lastToken() < k - 1 && q.lastToken() >= k - 3 && kindWords(s, q.lastToken() + 1, k))) {
                return true; // "the Al Eyyubiyah residential area of al-Rai": al-Rai contains the place named
            }
        }
        return false;
    }

    private static final Set<String> PART_WORDS = Set.of("residential", "industrial", "old", "eastern", "western",
            "northern", "southern", "area", "district", "neighbourhood", "neighborhood", "quarter", "suburb", "part", "sector");

    /** Tokens from..to-1 only say what kind of part a place is ("residential area", "district"). */
    private static boolean kindWords(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!PART_WORDS.contains(s.token(k).text())) {
                return false;
            }
        }
        return true;
    }

    /** A place fronted before the subject: "In Raqqah, ...", "Meanwhile, in Raqqah, ...", "Near X, ...". */
    private static boolean fronted(Sentence s, PlaceMention p) {
        int k = p.firstToken() - 1;
        while (k >= 0 && (s.token(k).is("the") || DIRECTION_ADJECTIVES.contains(s.token(k).lower()))) { // "In the northeastern X district,"
            k--;
        }
        if (k < 0) {
            return false;
        }
        String w = s.token(k).lower();
        if (!Set.of("in", "at", "near", "around", "outside").contains(w)) {
            return false;
        }
        for (int j = k - 1; j >= 0; j--) {
            if (s.token(j).isWord() && !CONJUNCTIONS.contains(s.token(j).lower())
                    && !Set.of("also", "further", "elsewhere", "later", "meanwhile", "then", "on", "the", "same", "day").contains(s.token(j).lower())) {
                return false;
            }
        }
        return true;
    }

    // ---- attribution ------------------------------------------------------------------------------------

    private record Attribution(String source, Span span) {
    }

    private Attribution attribution(Sentence s) {
        List<Lexicon.Hit> hits = cues.findAll(s.text(), "attribution");
        for (String id : List.of("according-to", "said", "reportedly")) {
            for (Lexicon.Hit h : hits) {
                if (!h.rule().id().equals(id)) {
                    continue;
                }
                String src = h.group() == null ? h.text() : h.group();
                src = src.strip().replaceFirst("(?i)^the\\s+", "");
                int start = s.span().start() + h.start();
                return new Attribution(src, new Span(start, s.span().start() + h.end()));
            }
        }
        return null;
    }

    private static boolean inAttribution(ActorMention a, Attribution at) {
        return at != null && at.span.contains(a.span());
    }

    private static List<ActorMention> dedupe(List<ActorMention> as) {
        List<ActorMention> out = new ArrayList<>();
        for (ActorMention a : as) {
            boolean dup = out.stream().anyMatch(o -> o.actor() != null && a.actor() != null && o.actor().id().equals(a.actor().id()));
            if (!dup) {
                out.add(a);
            }
        }
        return out;
    }
}
