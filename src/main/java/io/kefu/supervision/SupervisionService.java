package io.kefu.supervision;

import io.kefu.report.Period;
import io.kefu.shared.FieldErrors;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 服务监督 (P17): compiles the monthly 服务监督报告 and the weekly 每周服务状况报告 from the reports' figures
 * ({@link SupervisionFigures}), and records 业务部's assessment, the general manager's acknowledgement and each
 * technical-service person's weekly report.
 */
@Service
@Transactional
public class SupervisionService {

    static final int MAX_TEXT = 4000;

    private final SupervisionReportRepository reports;
    private final SupervisionFigures figures;
    private final IdentityService identityService;
    private final WorkingHours hours;
    private final String weeklyGroup;

    SupervisionService(SupervisionReportRepository reports, SupervisionFigures figures,
            IdentityService identityService, WorkingHours hours,
            @Value("${kefu.supervision.weekly-group:dept-tech}") String weeklyGroup) {
        this.reports = reports;
        this.figures = figures;
        this.identityService = identityService;
        this.hours = hours;
        this.weeklyGroup = weeklyGroup;
    }

    /** The month a report started now covers: the month just ended (the timer fires on the 1st). */
    public YearMonth lastMonth() {
        return YearMonth.from(today()).minusMonths(1);
    }

    /** This week's Monday to Friday (the timer fires on Friday afternoon, 每周五下午部门例会). */
    public LocalDate thisMonday() {
        return today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The 服务监督报告 of the month, its figures taken from the month's reports. */
    public SupervisionReport openMonthly(YearMonth month) {
        Period period = Period.month(month, hours.zone());
        SupervisionReport report = SupervisionReport.monthly(period.from(), period.to(), figures.of(period));
        refuseDuplicate(report.getReportNo());
        return reports.save(report);
    }

    /**
     * One 每周服务状况报告 per technical-service person (members of {@code kefu.supervision.weekly-group}) for the week
     * from {@code monday} to its Friday: the center's figures of the week and their own; none for a person who has one.
     */
    public List<SupervisionReport> openWeekly(LocalDate monday) {
        Period period = Period.of(monday, monday.plusDays(4), hours.zone());
        var center = figures.of(period);
        var own = figures.ofTechnicians(period);
        return identityService.createUserQuery().memberOfGroup(weeklyGroup).orderByUserId().asc().list().stream()
                .map(User::getId)
                .map(staff -> SupervisionReport.weekly(period.from(), period.to(), staff, center,
                        own.apply(staff)))
                // a person whose report of the week exists already (the week started by hand) is not asked twice
                .filter(report -> reports.findByReportNo(report.getReportNo()).isEmpty())
                .map(reports::save)
                .toList();
    }

    public void linkProcess(long id, String processInstanceId) {
        find(id).linkProcess(processInstanceId);
    }

    /** 业务部's assessment of 服务受理 and 主动维护. */
    public void assess(long id, String actor, String acceptance, String maintenance, String assessment,
            String improvements) {
        Map<String, String> errors = new LinkedHashMap<>();
        SupervisionGrade acceptanceGrade = grade(errors, "acceptanceGrade", acceptance, "请评定服务受理");
        SupervisionGrade maintenanceGrade = grade(errors, "maintenanceGrade", maintenance, "请评定主动维护");
        required(errors, "assessment", assessment, "请填写考核意见");
        optional(errors, "improvements", improvements);
        FieldErrors.failOn(errors);
        find(id).assess(actor, acceptanceGrade, maintenanceGrade, assessment.trim(), FieldErrors.blankToNull(improvements));
    }

    /** 总经理阅知: the general manager has read the report. */
    public void acknowledge(long id, String actor, boolean read, String note) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!read) {
            errors.put("reportRead", "请阅读报告后确认");
        }
        optional(errors, "managerNote", note);
        FieldErrors.failOn(errors);
        find(id).acknowledge(actor, FieldErrors.blankToNull(note));
    }

    /**
     * A technical-service person's weekly report: the week's customer service and what customers reported. The report
     * is the one of the task's assignee, and only they submit it.
     */
    public void submitWeekly(String processInstanceId, String staffId, String actor, String serviceStatus,
            String customerFeedback) {
        SupervisionReport report = reports.findByProcessInstanceIdAndStaffId(processInstanceId, staffId)
                .filter(r -> r.getStaffId().equals(actor))
                .orElseThrow(() -> InvalidInputException.of("serviceStatus", "只有本人提交自己的每周服务状况报告"));
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "serviceStatus", serviceStatus, "请填写本周客户服务状况");
        optional(errors, "customerFeedback", customerFeedback);
        FieldErrors.failOn(errors);
        report.submit(serviceStatus.trim(), FieldErrors.blankToNull(customerFeedback));
    }

    @Transactional(readOnly = true)
    public SupervisionReport find(long id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException("服务监督报告 " + id + " 不存在"));
    }

    /** The monthly report a process works on. */
    @Transactional(readOnly = true)
    public Optional<SupervisionReport> forProcessInstance(String processInstanceId) {
        List<SupervisionReport> found = reports.findByProcessInstanceIdOrderByStaffId(processInstanceId);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The weekly reports a process collects, one per person, in user id order. */
    @Transactional(readOnly = true)
    public List<SupervisionReport> weeklyOf(String processInstanceId) {
        return reports.findByProcessInstanceIdOrderByStaffId(processInstanceId);
    }

    @Transactional(readOnly = true)
    public Optional<SupervisionReport> weeklyOf(String processInstanceId, String staffId) {
        return reports.findByProcessInstanceIdAndStaffId(processInstanceId, staffId);
    }

    private void refuseDuplicate(String reportNo) {
        if (reports.findByReportNo(reportNo).isPresent()) {
            throw new IllegalStateException(reportNo + " 已编制");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Now.instant(), hours.zone());
    }

    private static SupervisionGrade grade(Map<String, String> errors, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            errors.put(field, message);
            return null;
        }
        try {
            return SupervisionGrade.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, "评定只能是 优、良、中、差");
            return null;
        }
    }

    private static void required(Map<String, String> errors, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            errors.put(field, message);
        } else {
            optional(errors, field, value);
        }
    }

    private static void optional(Map<String, String> errors, String field, String value) {
        if (value != null && value.trim().length() > MAX_TEXT) {
            errors.put(field, "最多 " + MAX_TEXT + " 个字符");
        }
    }
}
