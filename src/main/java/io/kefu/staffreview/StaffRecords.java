package io.kefu.staffreview;

import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;

/**
 * Who reads an employee's record (reviews and violations) — decided here, once, for the API, the console and the
 * report: the employee concerned, managers and auditors (and administrators). Everyone else is told it does not exist.
 * Supervisors record violations but do not read them afterwards.
 */
public final class StaffRecords {

    public static boolean mayRead(String employee, CurrentUser user) {
        return user.id().equals(employee) || readsAll(user);
    }

    /** Managers and auditors read every employee's record; the scorecard report is theirs. */
    public static boolean readsAll(CurrentUser user) {
        return user.inGroup(KefuGroups.MANAGERS) || user.isAuditor() || user.inGroup(KefuGroups.ADMINS);
    }

    /** Managers start reviews and score them. */
    public static boolean mayReview(CurrentUser user) {
        return user.inGroup(KefuGroups.MANAGERS) || user.inGroup(KefuGroups.ADMINS);
    }

    /** Supervisors and managers record violations. */
    public static boolean mayRecordViolations(CurrentUser user) {
        return user.isSupervisorOrManager();
    }

    private StaffRecords() {
    }
}
