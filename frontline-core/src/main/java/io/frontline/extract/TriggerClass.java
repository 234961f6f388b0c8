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
    CIVILIANS(true, 6), ABDUCT(true, 5), ARREST(true, 4), PROTEST(true, 3), AGREEMENT(true, 3), BASE(true, 3),
    LOOTING(true, 3);

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

    /** A change of who holds the place. */
    public boolean changesControl() {
        return this == TAKE || this == LOSE || this == FALL || this == HANDOVER;
    }

    public static TriggerClass parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
