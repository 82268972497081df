package io.kefu.model;

import io.kefu.identity.CurrentUser;

/** Who may open the process models (page and API): the one rule the console's menu follows too. */
public final class ModelAccess {

    private ModelAccess() {
    }

    /** Supervisors, managers (and administrators) and auditors read the models; only managers deploy or migrate. */
    public static boolean mayOpen(CurrentUser user) {
        return user.isSupervisorOrManager() || user.isAuditor();
    }
}
