package io.frontline.events;

import io.frontline.actors.Actor;
import io.frontline.extract.ActorMention;
import io.frontline.extract.Frame;
import io.frontline.extract.Modality;
import io.frontline.extract.PlaceMention;
import io.frontline.extract.TriggerClass;
import io.frontline.extract.UnnamedPlaces;
import io.frontline.gazetteer.PlaceResolver;
import io.frontline.ingest.Report;
import io.frontline.text.Lexicon;
import io.frontline.text.Span;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Codes a frame at one place into an ACLED-style {@link Event}: event type and sub-event type, actors and
 * sides, inter codes, neutral notes generated from the coded fields, a confidence, and evidence for the
 * event and each field. Loaded words of the source are recorded, never copied into notes.
 */
public final class EventCoder {
    /** The date an event is given, with ACLED time precision and the rule that produced it. */
    public record When(LocalDate date, int precision, String rule, Span span) {
    }

    private static final DateTimeFormatter NOTE_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private final Lexicon loadedTerms;
    private final Actor protesters;
    private final Actor rioters;
    /** The Syrian Air Force: until Russia's intervention, the only air force striking anyone but IS, HTS or the state. */
    private final Actor stateAirForce;
    /** The victims of violence against civilians when the sentence names none: ACLED's "Civilians (Syria)". */
    private final Actor civilians;
    /** Syrian government forces: the target of Israel's strikes when the sentence names none. */
    private final Actor state;
    private static final LocalDate RUSSIA_INTERVENES = LocalDate.of(2015, 9, 30);
    private static final LocalDate COALITION_STRIKES_SYRIA = LocalDate.of(2014, 9, 23);
    /** Words of homes, schools or markets hit: "destroying several houses", "damaged a church roof". */
    private static final java.util.regex.Pattern CIVILIAN_PROPERTY = java.util.regex.Pattern.compile(
            "(?i)\\b(?:destroy(?:ed|ing)|damag(?:ed|ing)|hit|hitting|struck|levell?ed|flatten(?:ed|ing))\\s+(?:[\\w-]+\\s+){0,3}?"
            + "(?:houses?|homes?|residential (?:buildings?|areas?|blocks?)|church(?:es)?|church roof|mosques?|schools?|"
            + "hospitals?|clinics?|markets?|bakery|bakeries|shops?|farmland|olive groves?)\\b");

    /** An actor the coding supplied where the sentence names none: the evidence it rests on, the rule, a confidence. */
    private record Guess(Span span, String rule, double confidence) {
    }

    /**
     * @param crowds the registry's actors for crowds: ACLED codes protesters (and rioters) as the first actor of
     *               protest and riot events, whoever the sentence's subject is
     */
    public EventCoder(Lexicon loadedTerms, io.frontline.actors.ActorRegistry crowds) {
        this.loadedTerms = loadedTerms;
        this.protesters = crowds.get("protesters");
        this.rioters = crowds.get("rioters");
        this.stateAirForce = crowds.get("syaf");
        this.civilians = crowds.get("civilians");
        this.state = crowds.get("syria_gov");
    }

    public Event code(Report r, String eventId, Frame f, PlaceMention place, PlaceResolver.Resolution res, When when,
                      int fatalities) {
        Actor a1 = primary(f.actor1());
        Actor a2 = primary(f.actor2());
        if (f.kind().isDemonstration()) {
            Actor[] pair = crowdRoles(f.kind(), a1, a2);
            a1 = pair[0];
            a2 = pair[1];
        } else if (a1 != null && a1.side().equals("civilians") && a2 == null) {
            a2 = a1; // "civilians were executed": the civilians are the victims, whoever acted is unnamed
            a1 = null;
        }
        Guess guess1 = null;
        Guess guess2 = null;
        if (f.kind() == TriggerClass.AIR && a1 == null && stateAirForce != null && onlyStateAirForce(when.date(), a2)) {
            // "warplanes struck the town" in 2012: before Russia's intervention (30 September 2015) no other air force
            // struck opposition areas or civilians in Syria; the US-led coalition (from 23 September 2014) struck IS and
            // al-Nusra, Israel the state. A guess from the date, with its own rule and a lower confidence
            a1 = stateAirForce;
            guess1 = new Guess(f.trigger(), "context:sole-air-force-before-2015-09-30", 0.6);
        }
        if (a1 != null && a2 != null && a1.side().equals(a2.side()) && !a1.side().equals("civilians") && !a1.side().equals("unknown")
                && !f.kind().isDemonstration() && f.kind() != TriggerClass.HANDOVER) {
            a2 = null; // a side does not fight itself: the opponent was misread, so it is left unnamed
        }
        boolean propertyHit = (f.kind() == TriggerClass.SHELL || f.kind() == TriggerClass.AIR)
                && CIVILIAN_PROPERTY.matcher(f.sentence().text()).find();
        if (a2 == null && civilians != null && (f.kind() == TriggerClass.CIVILIANS || f.kind() == TriggerClass.ABDUCT
                || f.kind() == TriggerClass.SEXUAL)) {
            // "gunmen shot dead a former commander", "kidnapped a merchant": violence against civilians has civilians
            // as its second actor, named or not (ACLED's rule)
            a2 = civilians;
            guess2 = new Guess(f.trigger(), "type:violence-against-civilians", 0.7);
        } else if (a2 == null && state != null && a1 != null && a1.side().equals("israel")
                && (f.kind() == TriggerClass.AIR || f.kind() == TriggerClass.SHELL) && !propertyHit) {
            // "Israeli jets struck targets near Masyaf": Israel's strikes in Syria are on the state's forces and the
            // militias it hosts, when the sentence names no target
            a2 = state;
            guess2 = new Guess(f.trigger(), "context:israel-strikes-the-state", 0.6);
        } else if (a2 == null && civilians != null && propertyHit) {
            // "shelled the village, destroying several houses": with no armed target named, the homes hit were civilians'
            a2 = civilians;
            guess2 = new Guess(f.sentence().span(), "context:civilian-property-hit", 0.6);
        }
        String side1 = a1 == null ? "unknown" : a1.side();
        String side2 = a2 == null ? (f.kind().isBattle() ? "unknown" : null) : a2.side();
        // "stormed X but failed", "tried to retake X": the fighting happened, the place did not change hands
        String[] type = f.kind().changesControl() && (f.modality() == Modality.ATTEMPTED || f.modality() == Modality.FAILED)
                ? new String[]{"Battles", "Armed clash"} : type(f.kind(), a1, a2);
        java.util.Optional<String> peaceful = (f.kind() == TriggerClass.ENTER || f.kind() == TriggerClass.TAKE) && a1 != null
                && f.modality() == Modality.FACT ? NonViolentTransfer.cue(f.sentence().text()) : java.util.Optional.empty();
        if (peaceful.isPresent()) {
            // "troops entered the city without resistance", "after the last rebels left": no fighting, a transfer
            type = new String[]{"Strategic developments", "Non-violent transfer of territory"};
        }
        boolean crowdFirst = f.kind().isDemonstration();
        Map<String, Evidence> prov = new LinkedHashMap<>();
        prov.put("sub_event_type", ev(r, f.trigger(), "trigger:" + f.rule().id()
                + peaceful.map(c -> "; non-violent:" + c).orElse(""), null));
        // each actor's evidence is the mention it came from, wherever the coding put it
        for (String field : List.of("actor1", "actor2")) {
            Actor coded = field.equals("actor1") ? a1 : a2;
            if (coded == null || crowdFirst) {
                continue;
            }
            boolean fromFirst = primary(f.actor1()) == coded;
            List<ActorMention> ms = fromFirst ? f.actor1() : f.actor2();
            String how = fromFirst ? f.actor1How() : f.actor2How();
            if (!ms.isEmpty()) {
                ActorMention m = ms.get(0);
                prov.put(field, ev(r, m.span(), m.rule() + (how.isEmpty() ? "" : "; role:" + how)
                        + (fromFirst == field.equals("actor1") ? "" : "; victims named as the subject"),
                        how.startsWith("context") ? 0.8 : 0.95));
            }
        }
        if (guess1 != null) {
            prov.put("actor1", ev(r, guess1.span(), guess1.rule(), guess1.confidence()));
        }
        if (guess2 != null) {
            prov.put("actor2", ev(r, guess2.span(), guess2.rule(), guess2.confidence()));
        }
        prov.put("location", ev(r, place.span(), place.rule() + "; " + res.method(), res.confidence()));
        if (when.span() != null) {
            prov.put("event_date", ev(r, when.span(), when.rule(), null));
        } else {
            prov.put("event_date", new Evidence(0, 0, "", when.rule(), r.offsetsIn(), null));
        }
        if (fatalities > 0 && !f.fatalities().isEmpty()) {
            int s = f.sentence().span().start();
            var c = f.fatalities().get(0);
            prov.put("fatalities", ev(r, new Span(s + c.start(), s + c.end()), "fatalities:most-conservative", null));
        }
        if (f.attribution() != null) {
            prov.put("attribution", ev(r, f.attributionSpan(), "attribution", null));
        }
        String location = locationName(place);
        Span unnamed = !f.kind().changesControl() || place.role() == PlaceMention.Role.EVENT && place.relation() == null ? null
                : UnnamedPlaces.find(f.sentence(), f.sentence().tokenAt(f.trigger().end()));
        if (unnamed != null) {
            // "captured another 11 villages near X": the event is placed at X, but the places taken are unnamed
            prov.put("target", ev(r, unnamed, "unnamed-places", null));
        }
        double conf = confidence(f, res);
        Evidence evidence = ev(r, f.sentence().span(), "trigger:" + f.rule().id() + (f.passive() ? " (passive)" : "")
                + " class:" + f.kind().name().toLowerCase(Locale.ROOT), conf);
        String notes = notes(f, a1, a2, unnamed == null ? location
                : unnamedPhrase(unnamed.of(r.text())) + " near " + location, res, when, fatalities, type[1]);
        return new Event(eventId, when.date() == null ? null : when.date().toString(), when.precision(), type[0], type[1],
                a1 == null ? "Unidentified Armed Group (Syria)" : a1.name(), crowdFirst ? "" : assoc(f.actor1(), a1),
                a2 == null ? (f.kind().isBattle() ? "Unidentified Armed Group (Syria)" : "") : a2.name(),
                crowdFirst ? "" : assoc(f.actor2(), a2),
                side1, side2 == null ? "" : side2, a1 == null ? 2 : a1.inter(), a2 == null ? null : a2.inter(),
                location, res.admin1(), null,
                res.point() == null ? null : res.point().lat(), res.point() == null ? null : res.point().lon(),
                res.geoPrecision(), fatalities, "reported", f.attribution(), notes, evidence, conf,
                res.status(), res.place() == null ? null : res.place().id(), res.place() == null ? null : res.place().name(),
                f.modality().name().toLowerCase(Locale.ROOT), res.rejected(), loaded(r, f), prov);
    }

    public Claim claim(Report r, Frame f) {
        String status = f.modality() == Modality.PREDICTED ? "predicted" : "claimed";
        Evidence e = ev(r, f.sentence().span(), "modality:" + f.modalityRule() + " trigger:" + f.rule().id(), null);
        String subject = f.kind().name().toLowerCase(Locale.ROOT);
        return new Claim(status, f.attribution(), f.sentence().text().strip(), subject, e);
    }

    /**
     * Protest and riot events: the crowd is actor 1. A force that disperses or fires on protesters is actor 2;
     * a crowd that the sentence names as civilians or residents becomes protesters (or rioters).
     */
    private Actor[] crowdRoles(TriggerClass k, Actor a1, Actor a2) {
        Actor crowd = k == TriggerClass.RIOT || k == TriggerClass.MOB ? rioters : protesters;
        boolean a1IsCrowd = a1 == null || a1.side().equals("civilians");
        return switch (k) {
            case INTERVENE, FORCE -> new Actor[]{crowd, a1IsCrowd ? a2 : a1};
            case MOB -> new Actor[]{crowd, a1IsCrowd ? a2 : a1};
            default -> new Actor[]{a1IsCrowd ? crowd : a1, a2 != null && a2.side().equals("civilians") && k == TriggerClass.PROTEST ? null : a2};
        };
    }

    /** The ACLED event type and sub-event type. */
    static String[] type(TriggerClass k, Actor a1, Actor a2) {
        boolean stateWins = a1 != null && (a1.isState() || a1.side().equals("government"));
        boolean civilianTarget = a2 != null && a2.side().equals("civilians");
        if (a1 != null && a1.isAirForce() && (k == TriggerClass.ATTACK || k == TriggerClass.SHELL)) {
            return new String[]{"Explosions/Remote violence", "Air/drone strike"}; // "warplanes attacked an ISIL HQ"
        }
        return switch (k) {
            case TAKE, LOSE, FALL -> a1 == null ? new String[]{"Battles", "Armed clash"}
                    : new String[]{"Battles", stateWins ? "Government regains territory" : "Non-state actor overtakes territory"};
            case ATTACK -> civilianTarget ? new String[]{"Violence against civilians", "Attack"} : new String[]{"Battles", "Armed clash"};
            case ENTER, ADVANCE, CLASH, REPEL -> new String[]{"Battles", "Armed clash"};
            case SHELL -> new String[]{"Explosions/Remote violence", "Shelling/artillery/missile attack"};
            case AIR -> new String[]{"Explosions/Remote violence", "Air/drone strike"};
            case SUICIDE -> new String[]{"Explosions/Remote violence", "Suicide bomb"};
            case IED -> new String[]{"Explosions/Remote violence", "Remote explosive/landmine/IED"};
            case CHEMICAL -> new String[]{"Explosions/Remote violence", "Chemical weapon"};
            case GRENADE -> new String[]{"Explosions/Remote violence", "Grenade"};
            case SEXUAL -> new String[]{"Violence against civilians", "Sexual violence"};
            case CIVILIANS -> new String[]{"Violence against civilians", "Attack"};
            case ABDUCT -> new String[]{"Violence against civilians", "Abduction/forced disappearance"};
            case ARREST -> new String[]{"Strategic developments", "Arrests"};
            case PROTEST -> new String[]{"Protests", "Peaceful protest"};
            case INTERVENE -> new String[]{"Protests", "Protest with intervention"};
            case FORCE -> new String[]{"Protests", "Excessive force against protesters"};
            case RIOT -> new String[]{"Riots", "Violent demonstration"};
            case MOB -> new String[]{"Riots", "Mob violence"};
            case DISRUPTED -> new String[]{"Strategic developments", "Disrupted weapons use"};
            case GROUP_CHANGE -> new String[]{"Strategic developments", "Change to group/activity"};
            case AGREEMENT -> new String[]{"Strategic developments", "Agreement"};
            case HANDOVER -> new String[]{"Strategic developments", "Non-violent transfer of territory"};
            case BASE -> new String[]{"Strategic developments", "Headquarters or base established"};
            case LOOTING -> new String[]{"Strategic developments", "Looting/property destruction"};
        };
    }

    private static Actor primary(List<ActorMention> ms) {
        for (ActorMention m : ms) {
            if (m.actor() != null) {
                return m.actor();
            }
        }
        return null;
    }

    private static String assoc(List<ActorMention> ms, Actor primary) {
        Set<String> names = new LinkedHashSet<>();
        for (ActorMention m : ms) {
            if (m.actor() != null && primary != null && !m.actor().name().equals(primary.name())) {
                names.add(m.actor().name());
            }
        }
        return String.join("; ", names);
    }

    private static String locationName(PlaceMention p) {
        if (p.feature() != null && !Set.of("city", "town", "village", "countryside", "province", "governorate", "area",
                "region", "district").contains(p.feature())) {
            return p.fullName();
        }
        return p.name();
    }

    /** True when an unnamed air strike on {@code target} at {@code date} can only have been the Syrian Air Force's. */
    private static boolean onlyStateAirForce(LocalDate date, Actor target) {
        if (date == null || !date.isBefore(RUSSIA_INTERVENES) || date.getYear() < 2011) {
            return false;
        }
        String side = target == null ? "unknown" : target.side();
        if (side.equals("government")) {
            return false; // Israel's strikes
        }
        return !(side.equals("islamic_state") || side.equals("hts")) || date.isBefore(COALITION_STRIKES_SYRIA);
    }

    /** "another 11 villages" -> "11 villages", "another village" -> "a village": the note stands alone. */
    private static String unnamedPhrase(String words) {
        if (!words.regionMatches(true, 0, "another ", 0, 8)) {
            return words;
        }
        String rest = words.substring(8);
        return rest.matches("(?i)(\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|half|several|dozens).*")
                ? rest : "a " + rest;
    }

    private static double confidence(Frame f, PlaceResolver.Resolution res) {
        String rule = f.rule().id();
        double c = rule.equals("take-cleared") || rule.startsWith("advance") || rule.equals("take-plain") ? 0.75 : 0.9;
        c *= f.actor1().isEmpty() ? 0.6 : f.actor1How().startsWith("context") ? 0.85 : 1.0;
        c *= f.actor2().isEmpty() ? 0.85 : f.actor2How().startsWith("context") ? 0.9 : 1.0;
        c *= switch (res.status()) {
            case "resolved" -> Math.max(0.7, res.confidence());
            case "gazetteer-gap" -> 0.85;
            default -> 0.7;
        };
        if (f.attribution() != null) {
            c *= 0.9;
        }
        if (f.modality() != Modality.FACT) {
            c *= 0.9;
        }
        return Math.round(c * 100) / 100.0;
    }

    private String notes(Frame f, Actor a1, Actor a2, String location, PlaceResolver.Resolution res, When when,
                         int fatalities, String subType) {
        String who = label(a1, "An unidentified armed group");
        String whom = label(a2, "an unidentified armed group");
        String verbPhrase = subType.startsWith("Non-violent") && f.kind() != TriggerClass.HANDOVER
                ? "took over " + location + (a2 == null ? "" : " from " + whom) + " without fighting" : switch (f.kind()) {
            case TAKE, LOSE, FALL -> (subType.startsWith("Government") ? "regained" : "took") + " control of " + location
                    + (a2 == null ? "" : " from " + whom);
            case ENTER -> "entered " + location + (a2 == null ? "" : ", in fighting with " + whom);
            case ADVANCE -> "advanced" + (a2 == null ? "" : " against " + whom) + " at " + location;
            case ATTACK -> "attacked " + (a2 == null ? "positions" : whom) + " at " + location;
            case GRENADE -> "threw a grenade at " + location + (a2 == null ? "" : ", targeting " + whom);
            case SEXUAL -> "committed sexual violence at " + location;
            case INTERVENE -> "protested at " + location + (a2 == null ? "" : "; " + whom + " intervened to disperse them");
            case FORCE -> "protested at " + location + (a2 == null ? "" : "; " + whom + " used force against them");
            case RIOT -> "demonstrated violently at " + location + (a2 == null ? "" : ", facing " + whom);
            case MOB -> "attacked " + (a2 == null ? "people" : whom) + " at " + location;
            case DISRUPTED -> "prevented or seized weapons at " + location;
            case GROUP_CHANGE -> "announced a change to the group at " + location;
            case CLASH -> "clashed with " + whom + " at " + location;
            case REPEL -> "attacked " + whom + " at " + location + "; the attack was repelled";
            case SHELL -> "shelled " + location + (a2 == null ? "" : ", targeting " + whom);
            case AIR -> "carried out air or drone strikes on " + location + (a2 == null ? "" : ", targeting " + whom);
            case SUICIDE -> "carried out a suicide bombing at " + location + (a2 == null ? "" : " against " + whom);
            case IED -> "an explosive device detonated at " + location + (a2 == null ? "" : ", targeting " + whom);
            case CHEMICAL -> "used chemical weapons at " + location;
            case CIVILIANS -> "attacked civilians at " + location;
            case ABDUCT -> "abducted people at " + location;
            case ARREST -> "arrested people at " + location;
            case PROTEST -> "protested at " + location;
            case AGREEMENT -> "reached an agreement concerning " + location;
            case HANDOVER -> "handed over control of " + location;
            case BASE -> "established a base at " + location;
            case LOOTING -> "looted or destroyed property at " + location;
        };
        StringBuilder sb = new StringBuilder();
        sb.append(datePhrase(when)).append(", ");
        if (f.kind() == TriggerClass.IED) {
            sb.append(verbPhrase.substring(0, 1).toUpperCase(Locale.ROOT)).append(verbPhrase.substring(1));
        } else {
            sb.append(who).append(' ').append(verbPhrase);
        }
        sb.append('.');
        if (f.modality() == Modality.FAILED) {
            sb.append(" The attempt failed.");
        } else if (f.modality() == Modality.ATTEMPTED) {
            sb.append(" Reported as an attempt.");
        }
        if (f.attribution() != null) {
            sb.append(" Source attribution: ").append(f.attribution()).append('.');
        }
        if (res.status().equals("gazetteer-gap")) {
            sb.append(" Location approximate (").append(res.method()).append(").");
        } else if (res.status().equals("unresolved")) {
            sb.append(" Location not found in the gazetteer.");
        }
        sb.append(fatalities > 0 ? " " + fatalities + " fatalities reported." : " Fatalities not reported.");
        return sb.toString();
    }

    private static String label(Actor a, String none) {
        if (a == null) {
            return none;
        }
        return a.aliases().isEmpty() ? a.name() : a.aliases().get(0);
    }

    private static String datePhrase(When w) {
        if (w.date() == null) {
            return "On a date the report does not give"; // no date in the text and no publication date
        }
        return switch (w.precision()) {
            case 1 -> "On " + w.date().format(NOTE_DATE);
            case 2 -> "Around " + w.date().format(NOTE_DATE);
            default -> "In " + w.date().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
        };
    }

    private List<LoadedTerm> loaded(Report r, Frame f) {
        List<LoadedTerm> out = new ArrayList<>();
        String text = f.sentence().text();
        for (Lexicon.Hit h : loadedTerms.findAll(text, null)) {
            int s = f.sentence().span().start() + h.start();
            int e = f.sentence().span().start() + h.end();
            out.add(new LoadedTerm(h.text(), r.codePointOffset(s), r.codePointOffset(e), h.rule().id()));
        }
        return out;
    }

    static Evidence ev(Report r, Span span, String rule, Double confidence) {
        return new Evidence(r.codePointOffset(span.start()), r.codePointOffset(span.end()), span.of(r.text()), rule, r.offsetsIn(), confidence);
    }

    public static Evidence evidence(Report r, Span span, String rule) {
        return ev(r, span, rule, null);
    }
}
