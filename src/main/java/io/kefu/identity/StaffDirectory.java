package io.kefu.identity;

import io.kefu.identity.KefuGroups.Department;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Kefu's staff as forms pick them (被投诉员工, a specialist): login id, name and where they work, for every member of
 * a working group or a department. Staff names are the company's own directory, not customers' personal data.
 */
@Service
public class StaffDirectory {

    /** One person as a lookup lists them: "王芳 · 仓储部" with the login id as the value. */
    public record StaffOption(String id, String label) {
    }

    /** Groups whose members are staff, with the names users read. */
    private static final Map<String, String> STAFF_GROUPS = staffGroups();

    private final IdentityService identity;

    StaffDirectory(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * The staff whose id or name contains {@code query} (all when blank), by id, at most {@code limit}: the directory
     * is read group by group (a bounded number of queries), never user by user.
     */
    public List<StaffOption> lookup(String query, int limit) {
        String wanted = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, List<String>> workplaces = new LinkedHashMap<>();
        STAFF_GROUPS.forEach((group, groupName) -> {
            for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
                users.putIfAbsent(user.getId(), user);
                workplaces.computeIfAbsent(user.getId(), id -> new ArrayList<>()).add(groupName);
            }
        });
        return users.values().stream()
                .filter(user -> wanted.isEmpty() || user.getId().toLowerCase(Locale.ROOT).contains(wanted)
                        || name(user).toLowerCase(Locale.ROOT).contains(wanted))
                .sorted(Comparator.comparing(User::getId))
                .limit(limit)
                .map(user -> new StaffOption(user.getId(), name(user) + "(" + user.getId() + ")· "
                        + String.join("、", workplaces.get(user.getId()))))
                .toList();
    }

    /** Whether the id is a member of staff as {@link #lookup} lists them. */
    public boolean isStaff(String id) {
        return id != null && identity.createGroupQuery().groupMember(id).list().stream()
                .anyMatch(group -> STAFF_GROUPS.containsKey(group.getId()));
    }

    private static String name(User user) {
        String last = user.getLastName() == null ? "" : user.getLastName();
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        // Chinese names read family name first; test and seed users carry a first name only
        String name = (last + first).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    private static Map<String, String> staffGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(KefuGroups.AGENTS, "客服专员");
        groups.put(KefuGroups.SUPERVISORS, "客服主管");
        groups.put(KefuGroups.MANAGERS, "客服经理");
        groups.put(KefuGroups.ARCHIVISTS, "档案管理员");
        groups.put(KefuGroups.DIRECTORS, "客服总监");
        groups.put(KefuGroups.DIVISION_LEADERS, "事业部领导");
        for (Department department : Department.values()) {
            groups.put(department.groupId(), department.label());
        }
        return groups;
    }
}
