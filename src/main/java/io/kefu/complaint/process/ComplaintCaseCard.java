package io.kefu.complaint.process;

import io.kefu.shared.CaseNote;
import io.kefu.shared.Markdown;
import io.kefu.complaint.Complaint;
import io.kefu.complaint.ComplaintNoteKind;
import io.kefu.complaint.ComplaintRound;
import io.kefu.complaint.ComplaintService;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.PersonalData;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import java.time.Instant;
import java.util.List;
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
        Complaint c = BoundCase.find(task, Complaint.class, complaints::forProcessInstance).orElse(null);
        if (c == null) {
            return "";
        }
        CustomerDetails customer = complaints.customerOf(c);
        Markdown md = new Markdown();
        md.heading("**投诉编号** " + c.getCaseNo()
                + " · **优先级** " + orDash(c.getPriority()) + " · **状态** " + c.getStatus().label()
                + " · **首问负责人** " + c.getOwnerId());
        md.row("客户", customer.name() + "(" + customer.code() + "," + customer.type().label() + ","
                + customer.tier() + " 类)");
        md.row("投诉人", PersonalData.maskName(c.getComplainantName()) + " / "
                + PersonalData.maskPhone(c.getComplainantPhone()));
        md.row("完整联系方式", "见 [/api/complaints/" + c.getId() + "](/api/complaints/" + c.getId()
                + ")(首问负责人、客户专员、主管和经理可查阅,每次查阅记入访问日志)");
        md.row("受理渠道", c.getChannel().label());
        md.row("投诉类别", c.getCategory().label());
        md.row("严重程度", c.getSeverity().label());
        md.row("投诉内容", c.getDescription());
        md.row("客户诉求", c.getCustomerRequest());
        md.row("响应期限", c.deadlineText(c.getResponseDue()));
        md.row("解决期限", c.deadlineText(c.getResolutionDue()));
        if (c.isRepeatComplaint()) {
            md.row("重复投诉", c.getRepeatReason());
        }
        if (c.getDepartment() != null) {
            md.row("责任部门", departmentLabel(c.getDepartment()));
        }
        md.row("判断依据", c.getValidityReason());
        // earlier rounds in one line each; below, only the current round's facts (no earlier text beside them)
        List<ComplaintRound> rounds = c.getRounds();
        ComplaintRound current = c.currentRound();
        for (ComplaintRound earlier : rounds.subList(0, Math.max(0, rounds.size() - 1))) {
            md.row("第" + earlier.getNumber() + "轮(已结束)", earlierRound(earlier));
        }
        if (rounds.size() > 1) {
            md.row("当前轮次", "第" + current.getNumber() + "轮," + c.deadlineText(current.getOpenedAt()) + " 重新处理");
        }
        md.row("调查结果", current.getFindings());
        md.row("责任人", current.getResponsiblePerson());
        for (int i = 1; i <= 3; i++) {
            md.row("方案" + "一二三".charAt(i - 1), current.optionText(i));
        }
        if (current.getChosenOption() != null) {
            md.row("采用方案", "方案" + "一二三".charAt(current.getChosenOption() - 1));
        }
        md.row("实施情况", current.getImplementationNotes());
        if (c.getReturnVisitDue() != null && Boolean.TRUE.equals(current.getCustomerAccepted())) {
            md.row("回访期限", c.deadlineText(c.getReturnVisitDue()));
        }
        if (current.getSatisfaction() != null) {
            md.row("回访满意度", current.getSatisfaction().label()
                    + (current.getVisitRemarks() == null ? "" : ":" + current.getVisitRemarks()));
        }
        // instructions and notes of this round: those added since it opened (rounds from before V10: after the return
        // visit that ended the previous one)
        List<CaseNote> notes = c.getNotes();
        Instant roundBegan = rounds.size() <= 1 ? null : previousEnd(rounds.get(rounds.size() - 2), current);
        for (int i = 0; i < notes.size(); i++) {
            CaseNote note = notes.get(i);
            boolean ofThisRound = current.getNotesBefore() != null ? i >= current.getNotesBefore()
                    : roundBegan == null || note.getCreatedAt().isAfter(roundBegan);
            if (ofThisRound) {
                md.row(ComplaintNoteKind.labelOf(note.getKind()) + "(" + note.getAuthor() + ")", note.getText());
            }
        }
        c.getBreaches().forEach(b -> md.row("超时记录", b.getType().label() + ",期限 " + c.deadlineText(b.getDeadline())));
        return md.toString();
    }

    private static Instant previousEnd(ComplaintRound previous, ComplaintRound current) {
        return previous.getVisitedAt() != null ? previous.getVisitedAt() : current.getOpenedAt();
    }

    /** An earlier round in one line: what was adopted and how the customer answered at the return visit. */
    private static String earlierRound(ComplaintRound round) {
        StringBuilder line = new StringBuilder();
        if (round.getDepartment() != null) {
            line.append(departmentLabel(round.getDepartment())).append("处理");
        }
        if (round.getChosenOption() != null) {
            line.append(line.isEmpty() ? "" : ",").append("采用方案").append("一二三".charAt(round.getChosenOption() - 1));
        }
        if (round.getSatisfaction() != null) {
            line.append(line.isEmpty() ? "" : ",").append("回访").append(round.getSatisfaction().label());
        }
        return line.isEmpty() ? "—" : line.toString();
    }

    private static String departmentLabel(String code) {
        return Department.fromCode(code).map(Department::label).orElse(code);
    }



    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
