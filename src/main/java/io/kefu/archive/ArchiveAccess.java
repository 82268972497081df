package io.kefu.archive;

import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see which archive entries (R2: 确定客户信息的分类等级,并建立相应的权限管理制度):
 * <ul>
 *   <li>机密: archivists, managers, directors, auditors (and administrators) only;</li>
 *   <li>秘密: the customer service center's staff — the above plus agents and supervisors; departments and division
 *   leaders only an entry they borrowed and have not yet returned;</li>
 *   <li>普通: every logged-in user.</li>
 * </ul>
 * Only archivists (and administrators) file entries.
 */
final class ArchiveAccess {

    private ArchiveAccess() {
    }

    static Set<SecrecyClass> visibleSecrecy(CurrentUser user) {
        if (keepsTheArchive(user) || user.inGroup(KefuGroups.MANAGERS) || user.inGroup(KefuGroups.DIRECTORS)
                || user.isAuditor()) {
            return EnumSet.allOf(SecrecyClass.class);
        }
        if (user.inGroup(KefuGroups.AGENTS) || user.inGroup(KefuGroups.SUPERVISORS)) {
            return EnumSet.of(SecrecyClass.ORDINARY, SecrecyClass.SECRET);
        }
        return EnumSet.of(SecrecyClass.ORDINARY);
    }

    static boolean keepsTheArchive(CurrentUser user) {
        return user.inGroup(KefuGroups.ARCHIVISTS) || user.inGroup(KefuGroups.ADMINS);
    }

    /** Sees every loan in the register: the archive's keepers and those who approve or audit loans. */
    static boolean seesAllLoans(CurrentUser user) {
        return keepsTheArchive(user) || user.isSupervisorOrManager() || user.inGroup(KefuGroups.DIRECTORS)
                || user.isAuditor();
    }
}
