package io.kefu.console;

import io.kefu.shared.time.TimeText;
import io.kefu.audit.CaseDirectory;
import io.kefu.identity.DataAccessLog;
import io.kefu.identity.CurrentUser;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who read or exported the customer's personal data, on the customer 360 page (the same list as
 * {@code GET /api/customers/{id}/access-log}): the reads that belong to no single case are here, not on a case's
 * timeline. For those who oversee every case.
 */
@Component
class AccessLogSection implements CustomerSection {

    private static final int SHOWN = 100;

    private final DataAccessLog accessLog;

    AccessLogSection(DataAccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public String title() {
        return "个人资料查阅与导出记录";
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public Section of(long customerId, CurrentUser user) {
        List<String> columns = List.of("时间", "人员", "操作", "案件", "内容");
        if (!CaseDirectory.seesEveryCase(user)) {
            return new Section(columns, List.of());
        }
        return new Section(columns, accessLog.ofCustomer(customerId, SHOWN).stream()
                .map(a -> new Row(Arrays.asList(TimeText.seconds(a.at()), a.username(), a.action().label(),
                        a.caseKey() == null ? "—" : a.caseKey(), a.what() == null ? "" : a.what()), null))
                .toList());
    }
}
