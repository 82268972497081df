package io.kefu.phonecase;

import io.kefu.shared.time.TimeText;
import io.kefu.identity.DataAccessLog;
import io.kefu.audit.EntityCaseHistory;
import io.kefu.audit.RecordChanges;
import io.kefu.console.CaseSection;
import io.kefu.console.CustomerSection;
import io.kefu.customer.PersonalData;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.phonecase.process.PhoneCaseProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** 个案 on the audit timeline and the case search (by case number), and its section on the case page. */
final class PhoneCaseRecordHistory {

    @Component
    static class History extends EntityCaseHistory {

        History() {
            super(Set.of(PhoneCaseProcess.KEY), PhoneCase.class, "caseNo", null, "customerId",
                    new RecordChanges.Labels("个案", Map.ofEntries(
                            Map.entry("caseNo", "个案编号"), Map.entry("occurredWhen", "时间"), Map.entry("place", "地点"),
                            Map.entry("person", "人物"), Map.entry("contact", "联系方式"), Map.entry("event", "事件"),
                            Map.entry("department", "负责部门"), Map.entry("ownerId", "首问负责人"),
                            Map.entry("status", "状态"), Map.entry("openedAt", "登记时间"),
                            Map.entry("resolutionDueAt", "方案期限"),
                            Map.entry("solution", "解决方案"), Map.entry("solvedBy", "方案提出人"),
                            Map.entry("solvedAt", "方案时间"), Map.entry("callbackDueAt", "回复期限"),
                            Map.entry("callbacks", "回复次数"), Map.entry("calledBackAt", "回复时间"),
                            Map.entry("callbackNote", "回复情况"), Map.entry("leaderNote", "领导意见"),
                            Map.entry("leaderBy", "支持领导"), Map.entry("breachedAt", "超时时间"),
                            Map.entry("supervisionNote", "督办意见"),
                            Map.entry("callbackBreachedAt", "回复超时时间"),
                            Map.entry("callbackSupervisionNote", "回复督办意见"), Map.entry("closedAt", "结案时间")),
                            Set.of("person", "contact")));
        }

        @Override
        public CaseKeys keysOfCustomer(long customerId) {
            return CaseKeys.of("select c.case_no from phone_case c where c.customer_id = ?", customerId);
        }

        @Override
        public CaseKeys keysWithBreach() {
            return CaseKeys.of("select c.case_no from phone_case c"
                    + " where c.breached_at is not null or c.callback_breached_at is not null");
        }

        /** The owner, and the department the case was passed to. */
        @Override
        public CaseKeys keysVisibleTo(String userId, Set<String> groups) {
            List<String> departments = Arrays.stream(Department.values()).filter(d -> groups.contains(d.groupId()))
                    .map(Department::code).toList();
            if (departments.isEmpty()) {
                return CaseKeys.of("select c.case_no from phone_case c where c.owner_id = ?", userId);
            }
            List<Object> params = new ArrayList<>();
            params.add(userId);
            params.addAll(departments);
            return new CaseKeys("select c.case_no from phone_case c where c.owner_id = ? or c.department in ("
                    + String.join(",", java.util.Collections.nCopies(departments.size(), "?")) + ")", params);
        }
    }

    /** 个案详情 on the case page: 时间、地点、人物、事件、联系方式, the solution and the callbacks. */
    @Component
    static class Section implements CaseSection {

        private final PhoneCaseRepository cases;
        private final DataAccessLog accessLog;

        Section(PhoneCaseRepository cases, DataAccessLog accessLog) {
            this.cases = cases;
            this.accessLog = accessLog;
        }

        @Override
        public String title() {
            return "个案详情";
        }

        @Override
        public boolean supports(String processKey) {
            return PhoneCaseProcess.KEY.equals(processKey);
        }

        @Override
        @Transactional(readOnly = true)
        public CustomerSection.Section of(String businessKey, CurrentUser user) {
            PhoneCase c = cases.findOne((root, q, cb) -> cb.equal(root.get("caseNo"), businessKey)).orElse(null);
            if (c == null) {
                return null;
            }
            boolean unmasked = PhoneCaseService.mayReadPersonalData(c, user);
            if (unmasked && c.getCustomerId() != null) {
                accessLog.personalDataRead(user.id(), c.getCustomerId(), c.getCaseNo(), "个案详情");
            }
            List<CustomerSection.Row> rows = new ArrayList<>();
            add(rows, "状态", c.getStatus().label());
            add(rows, "首问负责人", c.getOwnerId());
            add(rows, "时间", c.getOccurredWhen());
            add(rows, "地点", c.getPlace());
            add(rows, "人物", unmasked ? c.getPerson() : PersonalData.maskName(c.getPerson()));
            add(rows, "联系方式", unmasked ? c.getContact() : PhoneCaseView.maskContact(c.getContact()));
            add(rows, "事件", unmasked ? c.getEvent() : PersonalData.maskPhoneNumbersIn(c.getEvent()));
            add(rows, "负责部门", Department.fromCode(c.getDepartment()).map(Department::label).orElse(null));
            add(rows, "方案期限", time(c.getResolutionDueAt()));
            add(rows, "解决方案", c.getSolution());
            add(rows, "回复期限", time(c.getCallbackDueAt()));
            add(rows, "回复情况", c.getCallbackNote());
            add(rows, "领导意见", c.getLeaderNote());
            add(rows, "超时", time(c.getBreachedAt()));
            add(rows, "督办意见", c.getSupervisionNote());
            add(rows, "结案时间", time(c.getClosedAt()));
            return new CustomerSection.Section(List.of("项目", "内容"), rows);
        }

        private static void add(List<CustomerSection.Row> rows, String label, String value) {
            if (value != null && !value.isBlank()) {
                rows.add(new CustomerSection.Row(List.of(label, value), null));
            }
        }

        private static String time(Instant at) {
            return TimeText.minutes(at);
        }
    }

    private PhoneCaseRecordHistory() {
    }
}
