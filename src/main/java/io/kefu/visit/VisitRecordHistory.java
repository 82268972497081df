package io.kefu.visit;

import io.kefu.audit.EntityCaseHistory;
import io.kefu.audit.RecordChanges;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A visit or survey case (回访、满意度调查、开业调查、配送回访) on the audit timeline, by its visit number. */
@Component
class VisitRecordHistory extends EntityCaseHistory {

    VisitRecordHistory() {
        super(Arrays.stream(VisitKind.values()).map(VisitKind::processKey).collect(Collectors.toSet()), Visit.class,
                "visitNo", null, "customerId", new RecordChanges.Labels("回访记录", Map.ofEntries(
                        Map.entry("visitNo", "回访编号"), Map.entry("kind", "类型"), Map.entry("visitorRole", "回访人角色"),
                        Map.entry("mode", "方式"), Map.entry("visitorId", "回访人"), Map.entry("visitorGroup", "回访组"),
                        Map.entry("status", "状态"), Map.entry("dueDate", "应访日期"), Map.entry("deadline", "期限"),
                        Map.entry("appointmentAt", "预约时间"), Map.entry("rescheduleCount", "改约次数"),
                        Map.entry("satisfaction", "满意度"), Map.entry("improvement", "改进意见"),
                        Map.entry("suggestions", "客户建议"), Map.entry("remarks", "备注"), Map.entry("answers", "问卷答复"),
                        Map.entry("complaintCategory", "投诉类别"), Map.entry("complaintText", "投诉内容"),
                        Map.entry("matterDepartment", "转办部门"), Map.entry("matterText", "转办事项"),
                        Map.entry("matterStatus", "转办状态"), Map.entry("overdue", "超期"),
                        Map.entry("completedAt", "完成时间"), Map.entry("completedBy", "完成人"),
                        Map.entry("consignee", "收货人")), Set.of("consignee")));
    }

    @Override
    public CaseKeys keysOfCustomer(long customerId) {
        return CaseKeys.of("select v.visit_no from visit v where v.customer_id = ?", customerId);
    }

    @Override
    public CaseKeys keysWithBreach() {
        return CaseKeys.of("select v.visit_no from visit v where v.overdue = true");
    }

    @Override
    public CaseKeys keysVisibleTo(String userId, Set<String> groups) {
        return CaseKeys.of("select v.visit_no from visit v where v.visitor_id = ? or v.account_manager = ?", userId,
                userId);
    }
}
