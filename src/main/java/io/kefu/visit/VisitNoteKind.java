package io.kefu.visit;

import io.kefu.shared.CaseNote;

/**
 * What a note on a visit is, with the one label people read for it wherever it is shown. Stored by name
 * ({@code visit_note.kind}).
 */
public enum VisitNoteKind {

    PLAN_SUBMITTED("拜访计划"),
    PLAN_MANAGER("客服经理审核"),
    PLAN_LEADER("分管领导审核"),
    RESCHEDULED("改约"),
    ESCALATED("主管督办"),
    CANCELLED("取消");

    private final String label;

    VisitNoteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a stored kind; 备注 for one this version does not know. */
    public static String labelOf(String kind) {
        return CaseNote.labelOf(VisitNoteKind.class, kind, VisitNoteKind::label, "备注");
    }
}
