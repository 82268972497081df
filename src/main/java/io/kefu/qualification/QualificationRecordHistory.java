package io.kefu.qualification;

import io.kefu.audit.EntityCaseHistory;
import io.kefu.audit.RecordChanges;
import io.kefu.identity.KefuGroups;
import io.kefu.qualification.process.QualificationProcess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Qualification reviews on the audit timeline and in the case search (by review number): every change of the record —
 * the scores, the grade, the tier before and after with its reason, the decision — in Chinese, with who and when.
 */
@Component
class QualificationRecordHistory extends EntityCaseHistory {

    QualificationRecordHistory() {
        super(Set.of(QualificationProcess.KEY), QualificationReview.class, "reviewNo", null, "customerId",
                new RecordChanges.Labels("资质审核", Map.ofEntries(
                        Map.entry("reviewNo", "审核编号"), Map.entry("customerClass", "客户分类"),
                        Map.entry("tierBefore", "原客户等级"), Map.entry("tierAfter", "评定客户等级"),
                        Map.entry("cycleMonths", "审核周期(月)"), Map.entry("dueOn", "应审核日期"),
                        Map.entry("openedBy", "发起人"), Map.entry("status", "状态"),
                        Map.entry("meetingVisitId", "年度会晤(回访)"), Map.entry("satisfaction", "客户满意度"),
                        Map.entry("contribution", "业务贡献度"), Map.entry("credit", "信用状况"),
                        Map.entry("previousCredit", "上次信用评分"), Map.entry("totalScore", "总分"),
                        Map.entry("grade", "评级"), Map.entry("creditDeclined", "信用下降"),
                        Map.entry("tierChangeReason", "等级调整理由"), Map.entry("scoreNote", "评分说明"),
                        Map.entry("scoredBy", "评分人"), Map.entry("scoredAt", "评分时间"),
                        Map.entry("stopCooperation", "终止合作"), Map.entry("decisionNote", "决定理由"),
                        Map.entry("decidedBy", "决定人"), Map.entry("decidedAt", "决定时间"),
                        Map.entry("terminationContractId", "解约合同"), Map.entry("nextReviewOn", "下次审核日期"),
                        Map.entry("closedAt", "完成时间")),
                        Set.of(), Map.of("tierAfter", "newTier", "tierBefore", "newTier", "grade", "newTier")));
    }

    @Override
    public CaseKeys keysOfCustomer(long customerId) {
        return CaseKeys.of("select r.review_no from qualification_review r where r.customer_id = ?", customerId);
    }

    /** 业务部 every review (it scores them); anyone else those they opened, scored or decided. */
    @Override
    public CaseKeys keysVisibleTo(String userId, Set<String> groups) {
        if (groups.contains(KefuGroups.Department.BUSINESS.groupId())) {
            return CaseKeys.of("select r.review_no from qualification_review r");
        }
        return new CaseKeys("select r.review_no from qualification_review r where r.opened_by = ? or r.scored_by = ?"
                + " or r.decided_by = ?", List.of(userId, userId, userId));
    }
}
