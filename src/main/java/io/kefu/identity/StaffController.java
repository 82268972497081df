package io.kefu.identity;

import io.kefu.shared.InvalidInputException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 员工查询: who a form may name (被投诉员工), for the hotline's staff who take complaints in. */
@RestController
class StaffController {

    static final int LIMIT = 20;

    private final StaffDirectory staff;

    StaffController(StaffDirectory staff) {
        this.staff = staff;
    }

    @GetMapping("/api/staff")
    List<StaffDirectory.StaffOption> lookup(@RequestParam(name = "q", required = false) String query) {
        CurrentUser user = CurrentUser.get();
        if (!user.isHotlineStaff()) {
            throw new org.springframework.security.access.AccessDeniedException(user.id() + " may not look staff up");
        }
        if (query != null && query.length() > 50) {
            throw InvalidInputException.of("q", "查询内容最多 50 个字符");
        }
        return staff.lookup(query, LIMIT);
    }
}
