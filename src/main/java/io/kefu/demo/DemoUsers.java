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

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    static List<DemoUser> all() {
        List<DemoUser> users = new ArrayList<>(List.of(
                new DemoUser("agent", "晓华", "王", List.of(KefuGroups.AGENTS)),
                new DemoUser("agent2", "丽", "李", List.of(KefuGroups.AGENTS)),
                new DemoUser("supervisor", "建国", "张", List.of(KefuGroups.SUPERVISORS)),
                new DemoUser("manager", "敏", "陈", List.of(KefuGroups.MANAGERS)),
                new DemoUser("auditor", "静", "刘", List.of(KefuGroups.AUDITORS)),
                new DemoUser("admin", "管理员", "系统", List.of(KefuGroups.ADMINS)),
                new DemoUser("archivist", "慧", "何", List.of(KefuGroups.ARCHIVISTS)),
                new DemoUser("director", "志远", "林", List.of(KefuGroups.DIRECTORS)),
                new DemoUser("leader", "国强", "高", List.of(KefuGroups.DIVISION_LEADERS))));
        String[][] departmentStaff = {
                {"sales", "强", "赵"}, {"business", "磊", "孙"}, {"warehouse", "勇", "周"},
                {"finance", "芳", "吴"}, {"tech", "伟", "郑"}, {"service", "娜", "冯"}};
        Department[] departments = Department.values();
        for (int i = 0; i < departments.length; i++) {
            users.add(new DemoUser(departmentStaff[i][0], departmentStaff[i][1], departmentStaff[i][2],
                    List.of(departments[i].groupId())));
        }
        return users;
    }

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Creates the demo users that do not exist yet (a demo database from an earlier version gains the new ones). */
    void createMissing() {
        List<String> created = new ArrayList<>();
        for (DemoUser demo : all()) {
            if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
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
