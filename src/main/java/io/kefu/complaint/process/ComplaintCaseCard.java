package io.kefu.complaint.process;

import io.kefu.shared.CaseNote;
import io.kefu.complaint.Complaint;
import io.kefu.complaint.ComplaintService;
import io.kefu.customer.Customer;
import io.kefu.customer.PersonalData;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case card on every complaint task: what happened so far, read from the complaint record. The card is a task
 * variable, readable by candidates and auditors through the engine's API and kept in its history, so the complainant's
 * contact is masked on every task; those entitled read it in full through Kefu's API, where the read is logged.
 */
@Component
class ComplaintCaseCard implements CaseCardProvider {

    private final ComplaintService complaints;

    ComplaintCaseCard(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public String processKey() {
        return ComplaintProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        Complaint c = BoundCase.find(task, complaints::forProcessInstance).orElse(null);
        if (c == null) {
            return "";
        }
        Customer customer = c.getCustomer();
        StringBuilder md = new StringBuilder();
        md.append("**投诉编号** ").append(c.getCaseNo())
                .append(" · **优先级** ").append(orDash(c.getPriority()))
                .append(" · **状态** ").append(c.getStatus().label())
                .append(" · **首问负责人** ").append(c.getOwnerId()).append("\n\n");
        md.append("| 项目 | 内容 |\n|---|---|\n");
        row(md, "客户", customer.getName() + "(" + customer.getCode() + "," + customer.getType().label() + ","
                + customer.getTier() + " 类)");
        row(md, "投诉人", PersonalData.maskName(c.getComplainantName()) + " / "
                + PersonalData.maskPhone(c.getComplainantPhone()));
        row(md, "完整联系方式", "见 [/api/complaints/" + c.getId() + "](/api/complaints/" + c.getId()
                + ")(首问负责人、客户专员、主管和经理可查阅,每次查阅记入访问日志)");
        row(md, "受理渠道", c.getChannel().label());
        row(md, "投诉类别", c.getCategory().label());
        row(md, "严重程度", c.getSeverity().label());
        row(md, "投诉内容", c.getDescription());
        row(md, "客户诉求", c.getCustomerRequest());
        row(md, "响应期限", c.deadlineText(c.getResponseDue()));
        row(md, "解决期限", c.deadlineText(c.getResolutionDue()));
        if (c.isRepeatComplaint()) {
            row(md, "重复投诉", c.getRepeatReason());
        }
        if (c.getDepartment() != null) {
            row(md, "责任部门", departmentLabel(c.getDepartment()));
        }
        row(md, "判断依据", c.getValidityReason());
        row(md, "调查结果", c.getFindings());
        row(md, "责任人", c.getResponsiblePerson());
        for (int i = 1; i <= 3; i++) {
            row(md, "方案" + "一二三".charAt(i - 1), c.optionText(i));
        }
        if (c.getChosenOption() != null) {
            row(md, "采用方案", "方案" + "一二三".charAt(c.getChosenOption() - 1));
        }
        row(md, "实施情况", c.getImplementationNotes());
        if (c.getReturnVisitDue() != null) {
            row(md, "回访期限", c.deadlineText(c.getReturnVisitDue()));
        }
        if (c.getSatisfaction() != null) {
            row(md, "回访满意度", c.getSatisfaction().label() + (c.getVisitRemarks() == null ? "" : ":" + c.getVisitRemarks()));
        }
        if (c.getReopenCount() > 0) {
            row(md, "重新处理次数", String.valueOf(c.getReopenCount()));
        }
        for (CaseNote note : c.getNotes()) {
            row(md, noteLabel(note.getKind()) + "(" + note.getAuthor() + ")", note.getText());
        }
        c.getBreaches().forEach(b -> row(md, "超时记录", b.getType().label() + ",期限 " + c.deadlineText(b.getDeadline())));
        return md.toString();
    }

    private static String departmentLabel(String code) {
        return Department.fromCode(code).map(Department::label).orElse(code);
    }

    private static String noteLabel(String kind) {
        return switch (kind) {
            case "LEADER_INSTRUCTION" -> "主管批示";
            case "MANAGER_INSTRUCTION" -> "经理批示";
            case "CUSTOMER_FEEDBACK" -> "客户意见";
            case "IMPROVEMENT" -> "改进意见";
            case "SEVERE_ACKNOWLEDGED" -> "经理知悉";
            default -> "督办意见";
        };
    }

    private static void row(StringBuilder md, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        md.append("| ").append(label).append(" | ")
                .append(value.replace("|", "\\|").replace("\r", "").replace("\n", " ")).append(" |\n");
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
