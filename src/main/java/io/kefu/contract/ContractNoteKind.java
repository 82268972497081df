package io.kefu.contract;

import io.kefu.shared.CaseNote;

/**
 * What a note on a contract is, with the one label people read for it wherever it is shown. Stored by name
 * ({@code contract_note.kind}).
 */
public enum ContractNoteKind {

    REVIEW_PASSED("审核通过"),
    REVIEW_RETURNED("审核退回"),
    APPROVED("经理批准"),
    CHANGES_REQUESTED("经理要求修改"),
    APPROVAL_WITHDRAWN("重新审批"),
    LATE_CONTACT_SUPERVISED("专员沟通超时督办"),
    TERMINATION_REQUESTED("解约申请"),
    TERMINATION_REVIEWED("解约审核"),
    MATTERS_SETTLED("未结事项处理"),
    TERMINATION_APPROVED("经理同意解约"),
    TERMINATION_DROPPED("解约终止");

    private final String label;

    ContractNoteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a stored kind; 备注 for one this version does not know. */
    public static String labelOf(String kind) {
        return CaseNote.labelOf(ContractNoteKind.class, kind, ContractNoteKind::label, "备注");
    }
}
