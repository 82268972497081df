package io.kefu.escalation;

import io.kefu.shared.time.TimeText;
import io.kefu.audit.EntityCaseHistory;
import io.kefu.audit.RecordChanges;
import io.kefu.audit.TimelineEntry;
import io.kefu.console.CaseSection;
import io.kefu.console.CustomerSection;
import io.kefu.escalation.process.EscalationProcess;
import io.kefu.identity.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 请示报告 on the audit timeline and the case search (by report number), with each level's instruction as an event,
 * and its two sections on the case page: the instructions level by level, and the confidentiality-breach record.
 */
final class EscalationRecordHistory {

    @Component
    static class History extends EntityCaseHistory {

        private final EscalationService reports;

        History(EscalationService reports) {
            super(Set.of(EscalationProcess.KEY), EscalationReport.class, "reportNo", null, null,
                    new RecordChanges.Labels("请示", Map.ofEntries(
                            Map.entry("reportNo", "请示编号"), Map.entry("trigger", "请示事项"), Map.entry("subject", "事由"),
                            Map.entry("details", "情况说明"), Map.entry("relatedCase", "相关案件"),
                            Map.entry("urgent", "越级请示"), Map.entry("reporter", "请示人"),
                            Map.entry("reporterLevel", "请示人层级"), Map.entry("decidingLevel", "决定层级"),
                            Map.entry("currentLevel", "当前层级"), Map.entry("status", "状态"),
                            Map.entry("decidedBy", "决定人"), Map.entry("decidedLevel", "决定层级(实际)"),
                            Map.entry("decidedAt", "批示时间"), Map.entry("decision", "批示"),
                            Map.entry("afterReport", "事后补报"), Map.entry("afterReportedAt", "补报时间"),
                            Map.entry("raisedAt", "提出时间"), Map.entry("closedAt", "办结时间")), Set.of()));
            this.reports = reports;
        }

        /** Each level's instruction, the after-report and its acknowledgements, as given. */
        @Override
        protected List<TimelineEntry> events(Object record) {
            EscalationReport report = (EscalationReport) record;
            List<TimelineEntry> events = new ArrayList<>();
            for (EscalationInstruction i : reports.instructions(report.getId())) {
                events.add(TimelineEntry.record(i.getGivenAt(), "instruction", i.getGivenBy(),
                        i.getLevel().label() + i.getKind().label(), i.getInstruction()));
            }
            return events;
        }

        @Override
        public CaseKeys keysVisibleTo(String userId, Set<String> groups) {
            return CaseKeys.of("select r.report_no from escalation_report r where r.reporter = ?", userId);
        }
    }

    /** 逐级批示: the matter and each level's word on it. */
    @Component
    @Order(1)
    static class Instructions implements CaseSection {

        private final EscalationService reports;

        Instructions(EscalationService reports) {
            this.reports = reports;
        }

        @Override
        public String title() {
            return "请示与逐级批示";
        }

        @Override
        public boolean supports(String processKey) {
            return EscalationProcess.KEY.equals(processKey);
        }

        @Override
        public CustomerSection.Section of(String businessKey, CurrentUser user) {
            EscalationReport r = reports.byNumber(businessKey).orElse(null);
            if (r == null) {
                return null;
            }
            List<CustomerSection.Row> rows = new ArrayList<>();
            rows.add(row(time(r.getRaisedAt()), r.getReporterLevel().label() + " " + r.getReporter(),
                    (r.isUrgent() ? "越级请示:" : "请示:") + r.getTrigger().label() + " · " + r.getSubject(),
                    r.getDetails()));
            for (EscalationInstruction i : reports.instructions(r.getId())) {
                rows.add(row(time(i.getGivenAt()), i.getLevel().label() + " " + i.getGivenBy(), i.getKind().label(),
                        i.getInstruction()));
            }
            return new CustomerSection.Section(List.of("时间", "层级与人员", "事项", "内容"), rows);
        }
    }

    /** 失泄密事件登记, for reports of a leak. */
    @Component
    @Order(2)
    static class Breach implements CaseSection {

        private final EscalationService reports;

        Breach(EscalationService reports) {
            this.reports = reports;
        }

        @Override
        public String title() {
            return "失泄密事件登记";
        }

        @Override
        public boolean supports(String processKey) {
            return EscalationProcess.KEY.equals(processKey);
        }

        @Override
        public CustomerSection.Section of(String businessKey, CurrentUser user) {
            return reports.byNumber(businessKey).flatMap(r -> reports.breach(r.getId())).map(b ->
                    new CustomerSection.Section(List.of("登记时间", "登记人", "状态", "处理措施", "处理人", "处理时间"),
                            List.of(row(time(b.getOpenedAt()), b.getOpenedBy(), b.statusLabel(),
                                    b.getMeasures() == null ? "待决定层级批示" : b.getMeasures(),
                                    b.getHandledBy() == null ? "—" : b.getHandledBy(), time(b.getHandledAt())))))
                    .orElse(null);
        }
    }

    private static CustomerSection.Row row(Object... cells) {
        List<Object> list = new ArrayList<>();
        for (Object cell : cells) {
            list.add(cell == null ? "—" : cell);
        }
        return new CustomerSection.Row(list, null);
    }

    private static String time(Instant at) {
        return TimeText.minutes(at);
    }

    private EscalationRecordHistory() {
    }
}
