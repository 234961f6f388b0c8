package io.frontline.actors;

import java.util.List;

/**
 * An armed actor (or civilians) of the registry.
 *
 * @param id            registry id, e.g. {@code saa}
 * @param name          ACLED-style display name, e.g. "Military Forces of Syria (2000-)"
 * @param side          coalition key, e.g. {@code government}
 * @param inter         ACLED inter code (1 state forces ... 8 external forces)
 * @param parentId      the actor it is part of, or null
 * @param aliases       names matched ignoring case
 * @param abbreviations names matched case-sensitively
 */
public record Actor(String id, String name, String side, int inter, String parentId, List<String> aliases,
                    List<String> abbreviations) {
    public Actor {
        aliases = List.copyOf(aliases);
        abbreviations = List.copyOf(abbreviations);
    }

    /** An air force ("Military Forces of Turkey (2016-) Air Force"): strikes from the air, fires no artillery. */
    public boolean isAirForce() {
        return name.endsWith("Air Force");
    }

    /** State forces (ACLED inter 1) or foreign state forces (8). */
    public boolean isState() {
        return inter == 1 || inter == 8 && !side.equals("unknown");
    }
}
