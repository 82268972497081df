package io.kefu.complaint;

import io.kefu.shared.CaseNote;

/**
 * What a note on a complaint is, with the one label people read for it — on the case card, the timeline and the case
 * page alike. Stored by name ({@code complaint_note.kind}).
 */
public enum ComplaintNoteKind {

    SEVERE_ACKNOWLEDGED("严重投诉经理已知悉"),
    RESPONSE_BREACH_SUPERVISED("响应超时督办"),
    RESOLUTION_BREACH_SUPERVISED("解决超时督办"),
    VISIT_BREACH_SUPERVISED("回访超时督办"),
    LEADER_INSTRUCTION("主管领导批示"),
    MANAGER_INSTRUCTION("经理批示"),
    CUSTOMER_FEEDBACK("客户反馈"),
    IMPROVEMENT("改进建议"),
    /** Why a department's steps went to the supervisors (the complained employee works there); the API warns of it. */
    RECUSAL_ROUTING("回避改派说明");

    private final String label;

    ComplaintNoteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a stored kind; an unknown one (from an older version) as it is stored. */
    public static String labelOf(String kind) {
        return CaseNote.labelOf(ComplaintNoteKind.class, kind, ComplaintNoteKind::label, kind);
    }
}
