package io.frontline.extract;

import io.frontline.text.Span;

/**
 * A place named in a sentence and the part it plays there.
 *
 * @param name     the name as written, without a trailing feature word ("Rouad" of "Rouad mountain")
 * @param feature  the feature word written with it ("mountain", "city", "countryside"), or null
 * @param role     where the name stands: the event's place, a reference point, a region, or a road
 * @param relation how an anchor relates to the event place (direction, distance, "countryside"), or null
 * @param rule     why the words were taken for a place, e.g. {@code place-slot:villages of}
 */
public record PlaceMention(Span span, int firstToken, int lastToken, String name, String feature, Role role,
                           Relation relation, String rule) {

    public enum Role { EVENT, ANCHOR, REGION, ROAD }

    /**
     * A relative position: {@code kind} is the word that set it ("countryside", "flank", "near", "north",
     * "within"), {@code bearing} a compass bearing in degrees or NaN, {@code km} a distance or NaN.
     */
    public record Relation(String kind, double bearing, double km) {
        /** "near X", "around X", "outside X": close to the place, in no stated direction or distance. */
        public boolean nearness() {
            return java.util.Set.of("near", "around", "outside", "nearby").contains(kind);
        }

        /** A city said to contain the place named after it: "the Damascus suburb of X", "Aleppo's X neighbourhood". */
        public static Relation contains() {
            return new Relation("contains", Double.NaN, Double.NaN);
        }

        /** A city opening the sentence, holding the places it names: "In Damascus, ... in the X district". */
        public static Relation frontedCity() {
            return new Relation("fronted-city", Double.NaN, Double.NaN);
        }

        /** A containing city ({@link #contains()} or {@link #frontedCity()}): it binds the places it holds. */
        public boolean containment() {
            return kind.equals("contains") || kind.equals("fronted-city");
        }
    }

    /**
     * True when a later "it" or "the base" can stand for this place: the place of an event, a named area, or the whole
     * of which a part was named ("large parts of X", "the outskirts of X").
     */
    public boolean referable() {
        if (role == Role.EVENT) {
            return true;
        }
        if (relation == null) {
            return false;
        }
        return role == Role.REGION && "area".equals(relation.kind())
                || role == Role.ANCHOR && java.util.Set.of("parts", "part", "outskirts", "entrance", "gates", "edge", "side")
                .contains(relation.kind());
    }

    public String fullName() {
        return feature == null ? name : name + " " + feature;
    }
}
