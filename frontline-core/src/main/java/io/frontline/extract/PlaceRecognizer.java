package io.frontline.extract;

import io.frontline.gazetteer.Gazetteer;
import io.frontline.text.Sentence;
import io.frontline.text.Span;
import io.frontline.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds place names in a sentence and decides their role. A run of capitalised words is a place when
 * it stands in a place slot ("the villages of A, B and C", "in X", "toward X"), carries a feature word
 * ("Rouad mountain", "X province"), or the gazetteer knows it. Its role follows from the words around it:
 * "countryside of X", "north of X", "near X", "3km from X" make X an anchor; "X province" a region.
 */
public final class PlaceRecognizer {
    private static final Set<String> CONNECTORS = Set.of("al", "el", "ad", "ed", "as", "es", "ash", "esh", "ar", "er", "az",
            "ez", "an", "en", "at", "et", "ul", "ud", "bin", "ibn", "bani", "de", "du");
    /**
     * A written-apart Arabic article takes the first letter of the word after it ("as Safira", "ash Shaddadi", "ad
     * Dana", "an Nabk"); English words spelled the same ("Dabiq as ISIL retained", "Morek at Dawn") do not.
     */
    private static boolean assimilates(String article, String next) {
        if (article.length() < 2 || article.endsWith("l") || !"aeu".contains(article.substring(0, 1)) || article.equals("ul")) {
            return true; // "al", "el" and the like take any word
        }
        String consonant = article.substring(1);
        return next.startsWith(consonant);
    }

    private static final Set<String> SKIPPABLE = Set.of("the", "a", "an", "important", "strategic", "key", "nearby",
            "strategically", "small", "large", "neighbouring", "neighboring", "adjacent", "besieged", "surrounding",
            "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
            "central", "entire", "whole", "rest", "of", "remaining", "last", "two", "three", "several");
    private static final Map<String, Double> BEARINGS = Map.ofEntries(
            Map.entry("north", 0.0), Map.entry("northern", 0.0), Map.entry("northeast", 45.0), Map.entry("northeastern", 45.0),
            Map.entry("east", 90.0), Map.entry("eastern", 90.0), Map.entry("southeast", 135.0), Map.entry("southeastern", 135.0),
            Map.entry("south", 180.0), Map.entry("southern", 180.0), Map.entry("southwest", 225.0), Map.entry("southwestern", 225.0),
            Map.entry("west", 270.0), Map.entry("western", 270.0), Map.entry("northwest", 315.0), Map.entry("northwestern", 315.0),
            Map.entry("north-east", 45.0), Map.entry("north-west", 315.0), Map.entry("south-east", 135.0), Map.entry("south-west", 225.0),
            Map.entry("north-eastern", 45.0), Map.entry("north-western", 315.0), Map.entry("south-eastern", 135.0), Map.entry("south-western", 225.0));

    private static final java.util.regex.Pattern KM = java.util.regex.Pattern.compile("\\d+km");
    private static final java.util.regex.Pattern KM_DECIMAL = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?km");

    private final Gazetteer gazetteer;
    private final PlaceWords words;

    public PlaceRecognizer(Gazetteer gazetteer, PlaceWords words) {
        this.gazetteer = gazetteer;
        this.words = words;
    }

    public List<PlaceMention> find(Sentence s, List<ActorMention> actors) {
        boolean[] taken = new boolean[s.size()];
        for (ActorMention a : actors) {
            for (int i = a.firstToken(); i <= a.lastToken(); i++) {
                taken[i] = true;
            }
        }
        List<PlaceMention> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            if (taken[i] || !startsName(s.token(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < s.size() && !taken[j + 1] && continuesName(s, j + 1) && !possessive(s.token(j).text())) {
                j++; // "Aleppo's al-Hamdaniyah neighbourhood": a possessive ends the name
            }
            // drop leading words that are never places ("Meanwhile", "The")
            int first = i;
            while (first <= j && words.is("not-place", unpossessed(s.token(first).text())) && !numbered(s, first)
                    && !(first < j && gazetteer.knows(text(s, first, j)))) {
                first++; // "Sheikh Issa", a name the gazetteer knows, keeps its title-like first word
            }
            if (first > j) {
                i = j + 1;
                continue;
            }
            PlaceMention m = classify(s, first, j, out);
            if (m != null) {
                out.add(m);
                i = m.lastToken() + 1;
            } else {
                i = j + 1;
            }
        }
        if (out.size() >= 2 && frontedCity(s, out.get(0)) && out.stream().skip(1).anyMatch(m -> m.role() == PlaceMention.Role.EVENT)) {
            // "In Damascus, a car bomb exploded in the Rukn al-Din district": the city opening the sentence is where
            // the places it names lie, within 60 km (also where "In Aleppo" means the province)
            PlaceMention c = out.get(0);
            out.set(0, new PlaceMention(c.span(), c.firstToken(), c.lastToken(), c.name(), c.feature(), PlaceMention.Role.REGION,
                    PlaceMention.Relation.frontedCity(), c.rule() + "; fronted-city"));
        }
        return out;
    }

    /** "Monday's" -> "Monday": a possessive word is no more a place than the word itself. */
    private static String unpossessed(String word) {
        return possessive(word) ? word.substring(0, word.length() - 2) : word;
    }

    private boolean startsName(Token t) {
        if (!t.isWord() || t.text().length() < 2 && !t.text().equals("'")) {
            return false;
        }
        if (t.isCapitalised()) {
            return true;
        }
        // al-Bab, el-Hawa, ad-Dana
        int h = t.text().indexOf('-');
        return h > 0 && h + 1 < t.text().length() && CONNECTORS.contains(t.lower().substring(0, h))
                && Character.isUpperCase(t.text().charAt(h + 1));
    }

    /** "Hill 800", "Brigade 550": a word that takes the number after it as part of the name. */
    private boolean numbered(Sentence s, int k) {
        return k + 1 < s.size() && s.token(k + 1).kind() == Token.Kind.NUMBER && words.is("numbered", s.token(k).lower());
    }

    private boolean continuesName(Sentence s, int k) {
        Token t = s.token(k);
        if (t.kind() == Token.Kind.NUMBER && k > 0 && words.is("numbered", s.token(k - 1).lower())) {
            return true;
        }
        if (!t.isWord()) {
            return false;
        }
        if (startsName(t)) {
            // "Artillery Regiment 121": a numbered unit word continues a name like any other capitalised word
            return !words.is("not-place", t.text()) || t.text().equals("East") || t.text().equals("North")
                    || t.text().equals("South") || t.text().equals("West") || numbered(s, k);
        }
        // a lowercase article between capitalised words: "Tall al Hawa", "Khan ash Shih"
        return CONNECTORS.contains(t.lower()) && k + 1 < s.size() && s.token(k + 1).isCapitalised()
                && assimilates(t.lower(), s.token(k + 1).lower());
    }

    /** Lowercase nouns after which a capitalised name names an organisation or its people. */
    private static final Set<String> ORGANISATION_HEADS = Set.of("party", "movement", "political", "member", "members",
            "leader", "leaders", "official", "officials", "commander", "commanders", "supporters", "loyalists", "council",
            "committee", "spokesman", "spokesperson", "activists", "sympathisers", "sympathizers", "cell", "cells");

    static final Set<String> FEATURE_MODIFIERS = Set.of("air", "military", "oil", "gas", "grain", "cement", "power",
            "water", "border", "army", "infantry", "artillery", "thermal", "sugar", "cotton", "fuel", "fueling", "railway",
            "train", "bus", "police", "security", "industrial", "main", "international");

    private PlaceMention classify(Sentence s, int first, int last, List<PlaceMention> before) {
        String name = text(s, first, last);
        boolean possessor = possessive(name);
        if (possessor) {
            name = name.substring(0, name.length() - 2); // "Maskanah's countryside"
        }
        if (words.is("countries", name)) {
            return null;
        }
        // a trailing word that is a feature word written with a capital ("Rouad Mountain")
        String feature = null;
        int end = last;
        if (last > first && words.featureKind(s.token(last).lower()) != null) {
            feature = s.token(last).lower();
            name = text(s, first, last - 1);
        } else if (last + 1 < s.size() && words.featureKind(s.token(last + 1).lower()) != null) {
            feature = s.token(last + 1).lower();
            end = last + 1;
        } else if (last + 2 < s.size() && FEATURE_MODIFIERS.contains(s.token(last + 1).lower())
                && ("site".equals(words.featureKind(s.token(last + 2).lower()))
                || "settlement".equals(words.featureKind(s.token(last + 2).lower())) && s.token(last + 1).is("industrial"))) {
            // "the Kwayres air base", "the al-Rai grain silos": a site word after a word saying what kind of site
            String two = s.token(last + 1).lower() + " " + s.token(last + 2).lower();
            feature = words.featureKind(two) != null ? two : s.token(last + 2).lower();
            end = last + 2;
        }
        // "the Ithriyah–Palmyra highway": two names joined by a dash before a road word name the road
        if (feature == null && last + 3 < s.size() && (s.token(last + 1).text().equals("–") || s.token(last + 1).text().equals("-"))
                && s.token(last + 2).isCapitalised() && "road".equals(words.featureKind(s.token(last + 3).lower()))) {
            feature = s.token(last + 3).lower();
            name = text(s, first, last + 2);
            end = last + 3;
        }
        if (feature == null && last + 3 < s.size() && PLURAL_SETTLEMENTS.contains(s.token(last + 1).lower())
                && s.token(last + 2).is("of") && startsName(s.token(last + 3)) && city(name)) {
            // "the western Aleppo neighbourhoods of A and B": the city contains the places named after it
            Span span = new Span(s.token(first).start(), s.token(last + 1).end());
            return new PlaceMention(span, first, last + 1, name, s.token(last + 1).lower(), PlaceMention.Role.REGION,
                    PlaceMention.Relation.contains(), "place-contains:" + s.token(last + 1).lower());
        }
        if (feature == null) {
            int pairEnd = pairedFeature(s, last);
            if (pairEnd > 0) {
                // "the al-Badu and al-Dir'iya neighborhoods", "the Kafr Bassin and Hish intersection checkpoints": the
                // plural feature word after the second name is the first name's too
                String plural = s.token(pairEnd).lower();
                feature = plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y"
                        : plural.substring(0, plural.length() - 1);
            }
        }
        String featureKind = feature == null ? null : words.featureKind(feature);
        if (end > last && ("settlement".equals(featureKind) || PLURAL_SETTLEMENTS.contains(feature)) && end + 2 < s.size()
                && s.token(end + 1).is("of") && startsName(s.token(end + 2)) && adjective(name) && !city(name)
                && !gazetteer.knows(name) && !city(s.token(end + 2).text())) {
            return null; // "the ancient Christian town of Maalula", "the Alawite-majority district of Akrama": a word describing the place named after "of"
        }
        if (personNamed(s, first)) {
            return null; // "an activist who gave his name only as Abu Omar", "a commander named Abu Khaled": a person
        }
        String slot = slot(s, first, before);
        boolean known = name.length() >= 3 && gazetteer.knows(name);
        if (!known && last + 1 < s.size() && ORGANISATION_HEADS.contains(s.token(last + 1).text())) {
            return null; // "the Ba'ath party building", "a Ba'ath political leader": a name that qualifies people, not a place
        }
        if (first == last && !known && COMPOUND_ADJECTIVE.matcher(s.token(first).text()).matches()) {
            return null; // "under a UN-supervised deal", "the Russian-brokered truce": a compound adjective, no place
        }
        if (first == last && acronym(s.token(first).text()) && !known) {
            return null; // "CIA", "SETA": acronyms are organisations unless the gazetteer has them
        }
        if (slot == null && feature == null && !known && !placeSubjectOf(s, last)) {
            return null;
        }
        if (slot == null && feature == null && !known) {
            slot = "subject-of:" + s.token(last + 1).lower(); // "Hanajak fell to the rebels"
        }
        if (slot == null && feature == null && first == 0 && s.size() > 1 && !placeVerbFollows(s, last)) {
            // a capitalised sentence opener known to the gazetteer is a place only in a place-like position
            return null;
        }
        String rule = slot != null ? "place-slot:" + slot : feature != null ? "place-feature:" + feature : "gazetteer-name";
        PlaceMention.Role role = PlaceMention.Role.EVENT;
        PlaceMention.Relation rel = null;
        if ("region".equals(featureKind)) {
            role = PlaceMention.Role.REGION;
            rel = new PlaceMention.Relation(feature, bearingBefore(s, first), Double.NaN);
        } else if (possessor && feature == null && last + 1 < s.size() && startsName(s.token(last + 1)) && city(name)) {
            // "Aleppo's al-Hamdaniyah neighbourhood": the city contains the place named after it
            role = PlaceMention.Role.REGION;
            rel = PlaceMention.Relation.contains();
        } else if ("settlement".equals(featureKind) && end > last && end + 2 < s.size() && s.token(end + 1).is("of")
                && startsName(s.token(end + 2)) && city(name)) {
            // "the Damascus suburb of Qudsaya", "the Idlib town of Saraqib": a city before the word contains the place
            // named after it (but "the Hanano district of Aleppo" is in Aleppo)
            role = PlaceMention.Role.REGION;
            rel = PlaceMention.Relation.contains();
        } else if ("road".equals(featureKind)) {
            role = PlaceMention.Role.ROAD;
        }
        PlaceMention.Relation anchor = anchorRelation(s, first);
        if (anchor == null && slot != null && slot.startsWith("list:") && !before.isEmpty()
                && before.get(before.size() - 1).role() == PlaceMention.Role.ANCHOR
                && before.get(before.size() - 1).relation() != null
                && before.get(before.size() - 1).relation().nearness()
                && !(first >= 2 && s.token(first - 1).is("and") && s.token(first - 2).is(","))) {
            // (", outside Khanasir, and Rasm Al-Nafal": after a comma the "and" adds another object, not another anchor)
            anchor = before.get(before.size() - 1).relation(); // "near A and B": B is a reference point as A is
        }
        if (anchor == null && slot != null && slot.startsWith("list:") && !before.isEmpty()
                && betweenTwo(s, before.get(before.size() - 1).firstToken()) && first >= 1 && s.token(first - 1).is("and")) {
            // "between the villages of A and B": the event is placed at A, B is a reference point
            anchor = new PlaceMention.Relation("between", Double.NaN, Double.NaN);
        }
        if (anchor != null && role == PlaceMention.Role.EVENT) {
            role = PlaceMention.Role.ANCHOR;
            rel = anchor;
        } else if (anchor != null && role == PlaceMention.Role.REGION) {
            rel = new PlaceMention.Relation(rel.kind(), Double.isNaN(rel.bearing()) ? anchor.bearing() : rel.bearing(), anchor.km());
        }
        Span span = new Span(s.token(first).start(), s.token(end).end());
        return new PlaceMention(span, first, end, name, feature, role, rel, rule);
    }

    private static final Set<String> PLURAL_SETTLEMENTS = Set.of("villages", "towns", "neighbourhoods", "neighborhoods",
            "districts", "suburbs", "quarters");

    /** "In Damascus, ...", "In the central city of Homs, ...": a city named first, in a fronted phrase. */
    private boolean frontedCity(Sentence s, PlaceMention m) {
        if (m.role() != PlaceMention.Role.EVENT || m.feature() != null && !m.feature().equals("city") || !s.token(0).is("in")
                || m.firstToken() > 6 || m.lastToken() + 1 >= s.size() || !s.token(m.lastToken() + 1).text().equals(",")) {
            return false;
        }
        return city(m.name());
    }

    private static boolean possessive(String word) {
        return word.endsWith("'s") || word.endsWith("\u2019s");
    }

    /** A city or a governorate's seat (100,000 people or more): a name that can contain another place. */
    private static final Set<String> PLURAL_FEATURES = Set.of("villages", "towns", "neighbourhoods", "neighborhoods",
            "districts", "checkpoints", "hills", "bases", "camps", "quarters", "suburbs", "airports", "oilfields");

    /**
     * "A and B areas": after the name ending at {@code last}, "and", a second name and a plural feature word; the index
     * of that word, or -1.
     */
    private int pairedFeature(Sentence s, int last) {
        int k = last + 1;
        if (k + 2 >= s.size() || !s.token(k).is("and") || !startsName(s.token(k + 1))) {
            return -1;
        }
        int j = k + 1;
        while (j + 1 < s.size() && continuesName(s, j + 1)) {
            j++;
        }
        int f = j + 1;
        if (f < s.size() && !PLURAL_FEATURES.contains(s.token(f).lower()) && f + 1 < s.size()
                && PLURAL_FEATURES.contains(s.token(f + 1).lower()) && !s.token(f).isCapitalised()) {
            f++; // "the Kafr Bassin and Hish intersection checkpoints"
        }
        return f < s.size() && PLURAL_FEATURES.contains(s.token(f).lower()) ? f : -1;
    }

    /** Hyphenated adjectives: "UN-supervised", "Russian-brokered", "Turkish-backed", "Kurdish-led", "rebel-held". */
    private static final java.util.regex.Pattern COMPOUND_ADJECTIVE = java.util.regex.Pattern.compile(
            "(?i)[\\p{L}.]+-(?:supervised|brokered|backed|led|held|controlled|sponsored|mediated|run|allied|affiliated|linked|"
            + "majority|populated|dominated|inhabited|aligned|funded|trained|made|built|based)");

    /** Words of a people: "Christian", "Alawite", "Kurdish", "Lebanese". */
    private static final java.util.regex.Pattern PEOPLE_ADJECTIVE = java.util.regex.Pattern.compile("(?i)[\\p{L}'-]*(?:ian|ite|ish|ese)");

    /** A word that describes a place by its people or holder: "Christian", "Alawite-majority", "rebel-held". */
    private static boolean adjective(String word) {
        return PEOPLE_ADJECTIVE.matcher(word).matches() || COMPOUND_ADJECTIVE.matcher(word).matches();
    }

    private boolean city(String name) {
        for (io.frontline.gazetteer.Candidate c : gazetteer.candidates(name)) {
            if (c.score() >= 0.95 && (c.place().population() >= 100_000 || "city".equals(c.place().feature()))) {
                return true;
            }
        }
        return false;
    }

    /** Words after which "as X" names a person: "gave his name as", "identified as", "known only as". */
    private static final Set<String> NAME_AS = Set.of("name", "names", "identified", "nickname", "kunya", "only");

    /**
     * A name given to a person: "his name only as Abu Omar", "a commander named Abu Khaled", "called Abu Ali" (but "a
     * village called X" is a place).
     */
    private boolean personNamed(Sentence s, int first) {
        if (first < 2) {
            return false;
        }
        String prev = s.token(first - 1).lower();
        String before = s.token(first - 2).lower();
        if (prev.equals("as")) {
            return NAME_AS.contains(before) && !(before.equals("only") && first >= 3 && words.is("slot-head", s.token(first - 3).lower()));
        }
        return Set.of("named", "called", "nicknamed", "alias", "dubbed").contains(prev) && !words.is("slot-head", before)
                && !words.is("feature-settlement", before) && !words.is("feature-site", before);
    }

    /** A name that is the subject of "fell" or "was captured/seized/taken/overrun" is a place. */
    private static boolean placeSubjectOf(Sentence s, int last) {
        if (last + 1 >= s.size()) {
            return false;
        }
        String w = s.token(last + 1).lower();
        if (w.equals("fell")) {
            return true;
        }
        if ((w.equals("was") || w.equals("were")) && last + 2 < s.size()) {
            String v = s.token(last + 2).lower();
            return Set.of("captured", "seized", "recaptured", "retaken", "taken", "overrun", "liberated", "stormed",
                    "besieged", "shelled", "bombed", "encircled").contains(v);
        }
        return false;
    }

    private static boolean acronym(String w) {
        return w.length() >= 2 && w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && w.chars().anyMatch(Character::isLetter);
    }

    private boolean placeVerbFollows(Sentence s, int last) {
        if (last + 1 >= s.size()) {
            return false;
        }
        String w = s.token(last + 1).lower();
        return Set.of("was", "were", "fell", "is", "has", "had", "came", "remained").contains(w);
    }

    /** Why the name stands in a place slot, or null. */
    private String slot(Sentence s, int first, List<PlaceMention> before) {
        int k = first - 1;
        // list continuation: "A, B, and C" / "A and B" / "A as well as B" after a place
        int c = k;
        if (c > 0 && s.token(c).is("the") && (s.token(c - 1).text().equals(",") || s.token(c - 1).is("and"))) {
            c--; // "A, the B Cemetery and the C area": an article after the separator
        }
        while (c >= 0 && (s.token(c).text().equals(",") || s.token(c).is("and") || s.token(c).is("or")
                || s.token(c).is("as") || s.token(c).is("well"))) {
            c--;
        }
        if (c < k && c >= 0 && !before.isEmpty() && before.get(before.size() - 1).lastToken() == c) {
            PlaceMention prev = before.get(before.size() - 1);
            if (prev.rule().startsWith("place-slot") || prev.rule().startsWith("list")) {
                return "list:" + prev.name();
            }
        }
        while (k >= 0 && SKIPPABLE.contains(s.token(k).lower()) && !s.token(k).is("of")) {
            k--;
        }
        if (k < 0) {
            return null;
        }
        String w = s.token(k).lower();
        if (w.equals("(") && k > 0 && words.is("slot-head", s.token(k - 1).lower())) {
            return s.token(k - 1).lower() + " ("; // "captured two villages (Toqli and Mregel)"
        }
        if (w.equals("of") && k > 0) {
            int h = k - 1;
            while (h >= 0 && SKIPPABLE.contains(s.token(h).lower())) {
                h--;
            }
            if (h >= 0 && (words.is("slot-head", s.token(h).lower()) || words.is("anchor-of", s.token(h).lower()))) {
                return s.token(h).lower() + " of";
            }
            return null;
        }
        if (words.is("slot-preposition", w) || words.is("anchor-before", w)) {
            return w;
        }
        if (w.equals("km") || KM.matcher(w).matches() || w.equals("kilometers") || w.equals("kilometres")) {
            return w;
        }
        return null;
    }

    /** "countryside of X", "north of X", "flank of X", "near X", "3km from X": X is a reference point. */
    private PlaceMention.Relation anchorRelation(Sentence s, int first) {
        PlaceMention.Relation between = betweenOnARoad(s, first);
        if (between != null) {
            return between;
        }
        int k = first - 1;
        while (k >= 0 && (s.token(k).is("the") || s.token(k).is("city")
                || s.token(k).lower().endsWith("ern") && BEARINGS.containsKey(s.token(k).lower()))) {
            k--; // "the countryside of northern Latakia"
        }
        if (k < 0) {
            return null;
        }
        String w = s.token(k).lower();
        if ((w.equals("of") || w.equals("from") || w.equals("to")) && k > 0) {
            String head = s.token(k - 1).lower();
            double km = distanceBefore(s, k - 1);
            if (!Double.isNaN(km)) {
                return new PlaceMention.Relation("within", bearingAt(s, k - 1), km);
            }
            if (w.equals("of") && words.is("anchor-of", head)) {
                double b = BEARINGS.getOrDefault(head, bearingBefore(s, k - 1));
                return new PlaceMention.Relation(BEARINGS.containsKey(head) ? "direction" : head, b, Double.NaN);
            }
            if (head.equals("close") || head.equals("next")) {
                return new PlaceMention.Relation("near", Double.NaN, Double.NaN);
            }
            if (w.equals("of") && (words.is("slot-head", head) || head.equals("stronghold") || head.equals("capital"))) {
                // "within 6 km from ISIL's stronghold of Maskanah": the distance is to the place the noun names
                for (int j = k - 2; j >= Math.max(1, k - 6); j--) {
                    if (s.token(j).is("from") || s.token(j).is("of") || s.token(j).is("to")) {
                        double d = distanceBefore(s, j - 1);
                        return Double.isNaN(d) ? null : new PlaceMention.Relation("within", bearingAt(s, j - 1), d);
                    }
                }
            }
            return null;
        }
        if (words.is("anchor-before", w)) {
            return new PlaceMention.Relation("near", Double.NaN, Double.NaN);
        }
        return null;
    }

    /** "between A", "between the villages of A": A is the first of two places something lay between. */
    private static boolean betweenTwo(Sentence s, int first) {
        for (int k = first - 1; k >= Math.max(0, first - 5); k--) {
            if (s.token(k).is("between")) {
                return true;
            }
            if (!(s.token(k).is("the") || s.token(k).is("of") || s.token(k).is("villages") || s.token(k).is("towns")
                    || s.token(k).is("cities") || s.token(k).is("areas"))) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> ROUTE_HEADS = Set.of("boundary", "border", "line", "lines", "frontline", "front",
            "corridor", "route", "routes", "axis", "junction", "section", "stretch", "land", "roads", "artery");

    /** A road or route by its head word: "highway", "supply lines", "the corridor". */
    private boolean routeHead(String w) {
        return "road".equals(words.featureKind(w)) || ROUTE_HEADS.contains(w);
    }

    /**
     * "the highway between al-Bab and Manbij", "the boundary between X and Y", "cutting the supply route to the Wadi
     * Deif and Hamidiyah bases from Maarat al-Numan": the ends of a road are reference points.
     */
    private PlaceMention.Relation betweenOnARoad(Sentence s, int first) {
        for (int k = first - 1; k >= 1; k--) {
            Token t = s.token(k);
            if (t.is("to") || t.is("towards") || t.is("toward") || t.is("from") || t.is("into") || t.is("linking")
                    || t.is("connecting")) {
                if (routeHead(s.token(k - 1).lower())) {
                    return new PlaceMention.Relation("between", Double.NaN, Double.NaN);
                }
                continue; // "bases from X": look further back for the road
            }
            if (t.is("at") || t.is("in") || t.is("near")) {
                continue; // "the supply route to the army bases at X"
            }
            if (t.is("between")) {
                break;
            }
            if (!(t.isCapitalised() || t.is("the") || t.is("and") || t.is("or") || t.text().equals("-") || t.text().equals("–")
                    || words.featureKind(t.lower()) != null || t.lower().endsWith("s") && words.featureKind(t.lower().substring(0, t.lower().length() - 1)) != null
                    || CONNECTORS.contains(t.lower()) || FEATURE_MODIFIERS.contains(t.lower()))) {
                break;
            }
        }
        for (int k = first - 1; k >= Math.max(1, first - 8); k--) {
            if (s.token(k).is("between")) {
                String head = s.token(k - 1).lower();
                if (routeHead(head)) {
                    return new PlaceMention.Relation("between", Double.NaN, Double.NaN);
                }
                return null;
            }
            if (s.token(k).text().equals(",") || s.token(k).text().equals(".")) {
                return null;
            }
        }
        return null;
    }

    /** "3km", "3 km", "about 3 kilometres", "two kilometers north": a distance written just before index h (inclusive). */
    private static double distanceBefore(Sentence s, int h) {
        for (int k = h; k >= Math.max(0, h - 2); k--) {
            String w = s.token(k).lower();
            if (KM_DECIMAL.matcher(w).matches()) {
                return Double.parseDouble(w.substring(0, w.length() - 2));
            }
            if ((w.equals("km") || w.startsWith("kilomet")) && k > 0) {
                Double n = Numbers.value(s.token(k - 1).lower());
                return n == null ? Double.NaN : n;
            }
        }
        return Double.NaN;
    }

    private static double bearingAt(Sentence s, int h) {
        return BEARINGS.getOrDefault(s.token(h).lower(), Double.NaN);
    }

    /** An adjective of direction just before index k ("the eastern countryside"). */
    private static double bearingBefore(Sentence s, int k) {
        for (int i = k - 1; i >= Math.max(0, k - 3); i--) {
            Double b = BEARINGS.get(s.token(i).lower());
            if (b != null) {
                return b;
            }
        }
        return Double.NaN;
    }

    private static String text(Sentence s, int first, int last) {
        return s.text().substring(s.token(first).start() - s.span().start(), s.token(last).end() - s.span().start());
    }
}
