package io.kefu.escalation;

import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import java.util.Collection;

/** The levels a report goes up, level by level: 员工 → 主管 → 经理 → 总监; each level above staff is a group. */
public enum EscalationLevel {
    STAFF("员工", null),
    SUPERVISOR("主管", KefuGroups.SUPERVISORS),
    MANAGER("经理", KefuGroups.MANAGERS),
    DIRECTOR("总监", KefuGroups.DIRECTORS);

    private final String label;
    private final String group;

    EscalationLevel(String label, String group) {
        this.label = label;
        this.group = group;
    }

    public String label() {
        return label;
    }

    /** The Camunda group whose members instruct at this level. */
    public String group() {
        return group;
    }

    /** The level above; the director's is the director's own (another director decides). */
    public EscalationLevel next() {
        return this == DIRECTOR ? DIRECTOR : values()[ordinal() + 1];
    }

    public boolean isBelow(EscalationLevel other) {
        return ordinal() < other.ordinal();
    }

    public static EscalationLevel higher(EscalationLevel a, EscalationLevel b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** A staff member's own level, from their groups (the highest they belong to). */
    public static EscalationLevel of(Collection<String> groups) {
        if (groups.contains(KefuGroups.DIRECTORS)) {
            return DIRECTOR;
        }
        if (groups.contains(KefuGroups.MANAGERS)) {
            return MANAGER;
        }
        if (groups.contains(KefuGroups.SUPERVISORS)) {
            return SUPERVISOR;
        }
        return STAFF;
    }

    public static EscalationLevel of(CurrentUser user) {
        return of(user.groups());
    }
}
