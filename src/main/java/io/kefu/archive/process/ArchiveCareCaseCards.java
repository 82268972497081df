package io.kefu.archive.process;

import io.kefu.shared.Markdown;
import io.kefu.archive.ArchiveCareService;
import io.kefu.archive.ArchiveDestruction;
import io.kefu.archive.ArchiveEntry;
import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.shared.time.Now;
import java.time.Instant;
import java.util.List;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/** The case cards of archive-inspection and archive-destruction tasks. */
@Configuration(proxyBeanMethods = false)
class ArchiveCareCaseCards {

    @Bean
    CaseCardProvider archiveInspectionCaseCard(ArchiveCareService care, ArchiveLoanService loans) {
        return new InspectionCard(care, loans);
    }

    @Bean
    CaseCardProvider archiveDestructionCaseCard(ArchiveCareService care) {
        return new DestructionCard(care);
    }

    /** What the keeper should know before inspecting: the last inspection, the files out and overdue. */
    static class InspectionCard implements CaseCardProvider {

        private final ArchiveCareService care;
        private final ArchiveLoanService loans;

        InspectionCard(ArchiveCareService care, ArchiveLoanService loans) {
            this.care = care;
            this.loans = loans;
        }

        @Override
        public String processKey() {
            return ArchiveInspectionProcess.KEY;
        }

        @Override
        @Transactional(readOnly = true)
        public String caseSummary(DelegateTask task) {
            Markdown md = new Markdown();
            md.heading("**每半年档案检查** · 检查防火、防潮、防晒、防虫、防损、防盗、防尘(四不:不散、不乱、不丢、不坏)");
            care.recentInspections().stream()
                    .filter(i -> i.getCompletedAt() != null)
                    .findFirst()
                    .ifPresent(last -> {
                        md.row("上次检查", last.getInspectedOn() + "(" + last.getInspector() + ")");
                        md.row("上次发现", last.getFindings());
                        md.row("上次处理措施", last.getActions());
                    });
            List<ArchiveLoan> open = loans.openLoans(null, false);
            Instant now = Now.instant();
            md.row("借出未还", String.valueOf(open.stream().filter(l -> l.getLentAt() != null).count()));
            md.row("逾期未还", String.valueOf(open.stream().filter(l -> l.isOverdue(now)).count()));
            return md.toString();
        }
    }

    /** The file and what each appraiser and the director said so far. */
    static class DestructionCard implements CaseCardProvider {

        private final ArchiveCareService care;

        DestructionCard(ArchiveCareService care) {
            this.care = care;
        }

        @Override
        public String processKey() {
            return ArchiveDestructionProcess.KEY;
        }

        @Override
        @Transactional(readOnly = true)
        public String caseSummary(DelegateTask task) {
            ArchiveDestruction d = BoundCase.find(task, care::destructionForProcessInstance).orElse(null);
            if (d == null) {
                return "";
            }
            ArchiveEntry e = d.getEntry();
            Markdown md = new Markdown();
            md.heading("**档案销毁** " + e.getArchiveNo() + " · **档案状态** " + e.getStatus().label());
            md.row("档案", e.getTitle() + "(" + e.getKind().label() + "," + e.getSecrecy().label() + ")");
            md.row("存放位置", e.getLocation());
            md.row("正本 / 副本", e.getOriginals() + " / " + e.getCopies());
            md.row("归档", e.getFiledBy() + " " + Markdown.time(e.getFiledAt()));
            md.row("销毁理由", d.getReason() + "(登记人 " + d.getRegisteredBy() + ")");
            md.row("客服部经理鉴定", appraisal(d.getManagerAppraisal(), d.getManagerAppraiser(), d.getManagerNote()));
            md.row("原部门鉴定", appraisal(d.getDepartmentAppraisal(), d.getDepartmentAppraiser(), d.getDepartmentNote()));
            md.row("客服总监审批", d.getDirector() == null ? null
                    : ("APPROVED".equals(d.getDirectorDecision()) ? "批准" : "不批准") + "(" + d.getDirector() + ")"
                            + (d.getDirectorNote() == null ? "" : ":" + d.getDirectorNote()));
            md.row("单独存放至", Markdown.time(d.getHoldUntil()));
            return md.toString();
        }

        private static String appraisal(ArchiveDestruction.Appraisal appraisal, String who, String note) {
            if (appraisal == null) {
                return null;
            }
            return (appraisal == ArchiveDestruction.Appraisal.DESTROY ? "无保留价值,同意销毁" : "仍需保留") + "(" + who + ")"
                    + (note == null ? "" : ":" + note);
        }
    }
}
