package io.kefu.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users the tests work as: password = id, created once in the suite's shared database. */
public final class TestUsers {

    /** The user (password = id) as a member of the group; the group is created when the database has none. */
    public static void ensure(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setPassword(id);
            identity.saveUser(user);
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            var g = identity.newGroup(group);
            g.setName(group);
            identity.saveGroup(g);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    private TestUsers() {
    }
}
