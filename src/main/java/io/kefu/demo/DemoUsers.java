package io.kefu.demo;

import io.kefu.identity.KefuGroups;
import io.kefu.identity.KefuGroups.Department;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The demo staff of the embedded default (password = user id). Never created in the mysql profile. */
@Component
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /**
     * A demo user. Camunda's webapps show "first name, space, last name"; a Chinese name reads family name first, so
     * the whole name is the first name and the last name stays empty (Kefu's own mails join last + first: the same).
     */
    record DemoUser(String id, String firstName, String lastName, List<String> groups) {

        DemoUser(String id, String familyName, String givenName, String... groups) {
            this(id, familyName + givenName, "", List.of(groups));
        }
    }

    static List<DemoUser> all() {
        List<DemoUser> users = new ArrayList<>(List.of(
                new DemoUser("agent", "王", "晓华", KefuGroups.AGENTS),
                new DemoUser("agent2", "李", "丽", KefuGroups.AGENTS),
                new DemoUser("supervisor", "张", "建国", KefuGroups.SUPERVISORS),
                new DemoUser("manager", "陈", "敏", KefuGroups.MANAGERS),
                new DemoUser("auditor", "刘", "静", KefuGroups.AUDITORS),
                new DemoUser("admin", "系统", "管理员", KefuGroups.ADMINS),
                new DemoUser("archivist", "何", "慧", KefuGroups.ARCHIVISTS),
                new DemoUser("director", "林", "志远", KefuGroups.DIRECTORS),
                new DemoUser("leader", "高", "国强", KefuGroups.DIVISION_LEADERS)));
        String[][] departmentStaff = {
                {"sales", "强", "赵"}, {"business", "磊", "孙"}, {"warehouse", "勇", "周"},
                {"finance", "芳", "吴"}, {"tech", "伟", "郑"}, {"service", "娜", "冯"}};
        Department[] departments = Department.values();
        for (int i = 0; i < departments.length; i++) {
            users.add(new DemoUser(departmentStaff[i][0], departmentStaff[i][2], departmentStaff[i][1],
                    departments[i].groupId()));
        }
        // a second technician, so 派工 has someone to balance the open work orders against
        users.add(new DemoUser("tech2", "何", "军", Department.TECH.groupId()));
        return users;
    }

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * Creates the demo users that do not exist yet (a demo database from an earlier version gains the new ones) and
     * gives existing ones their current display name (earlier versions wrote it in Western order).
     */
    void createMissing() {
        List<String> created = new ArrayList<>();
        for (DemoUser demo : all()) {
            User existing = identityService.createUserQuery().userId(demo.id()).singleResult();
            if (existing != null) {
                if (!demo.firstName().equals(existing.getFirstName())
                        || !demo.lastName().equals(existing.getLastName() == null ? "" : existing.getLastName())) {
                    existing.setFirstName(demo.firstName());
                    existing.setLastName(demo.lastName());
                    identityService.saveUser(existing);
                }
                continue;
            }
            created.add(demo.id());
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setPassword(demo.id());
            user.setEmail(demo.id() + "@kefu.example");
            identityService.saveUser(user);
            demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
        }
        if (!created.isEmpty()) {
            log.info("Created demo users {} (password = user id)", created);
        }
    }
}
