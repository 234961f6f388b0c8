package io.frontline.extract;

/**
 * What a trigger says happened, which decides roles and coding. {@code subjectActs}: the grammatical subject
 * is actor 1 (the one who acts); false for {@link #LOSE} (the subject loses) and {@link #REPEL} (the subject
 * is attacked). {@code strength} orders triggers that name the same place in one sentence: the strongest
 * claim about that place wins ("attacked and captured X" is one capture).
 */
public enum TriggerClass {
    TAKE(true, 9), LOSE(false, 8), FALL(false, 8), HANDOVER(true, 7), ENTER(true, 6), REPEL(false, 5),
    ATTACK(true, 4), CLASH(true, 3), ADVANCE(true, 2),
    SHELL(true, 4), AIR(true, 5), SUICIDE(true, 6), IED(true, 5), CHEMICAL(true, 7),
    GRENADE(true, 5), CIVILIANS(true, 6), SEXUAL(true, 6), ABDUCT(true, 5), ARREST(true, 4), PROTEST(true, 3),
    INTERVENE(true, 5), FORCE(true, 6), RIOT(true, 4), MOB(true, 5), AGREEMENT(true, 3), BASE(true, 3),
    LOOTING(true, 3), DISRUPTED(true, 4), GROUP_CHANGE(true, 2);

    public final boolean subjectActs;
    public final int strength;

    TriggerClass(boolean subjectActs, int strength) {
        this.subjectActs = subjectActs;
        this.strength = strength;
    }

    /** Fighting between armed actors, as opposed to remote violence, violence against civilians and so on. */
    public boolean isBattle() {
        return this == TAKE || this == LOSE || this == FALL || this == ENTER || this == REPEL || this == ATTACK
                || this == CLASH || this == ADVANCE;
    }

    /** Remote violence: explosives, shelling, air strikes, chemical weapons, grenades. */
    public boolean isRemote() {
        return this == SHELL || this == AIR || this == SUICIDE || this == IED || this == CHEMICAL || this == GRENADE;
    }

    /** A change of who holds the place. */
    public boolean changesControl() {
        return this == TAKE || this == LOSE || this == FALL || this == HANDOVER;
    }

    /** Protest and riot classes, whose first actor is the crowd even when the sentence's subject is the force. */
    public boolean isDemonstration() {
        return this == PROTEST || this == INTERVENE || this == FORCE || this == RIOT || this == MOB;
    }

    /**
     * Events ACLED codes even when the text names nobody behind them: an explosion or a grenade (an unidentified
     * armed group), sexual violence, and crowd events (the crowd itself is the first actor).
     */
    public boolean codableWithoutActors() {
        return this == IED || this == SUICIDE || this == GRENADE || this == SEXUAL || isDemonstration();
    }

    public static TriggerClass parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
