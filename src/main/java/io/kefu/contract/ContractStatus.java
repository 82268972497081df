package io.kefu.contract;

/** Where a contract stands, from prospect to served customer and, at the end, termination (解约). */
public enum ContractStatus {
    PROSPECT("资质审核中"),
    QUALIFIED("资质审核通过"),
    DRAFTED("合同已拟定"),
    APPROVED("经理已批准"),
    SIGNED("已签约"),
    ACTIVE("合作中"),
    TERMINATED("已解约"),
    REJECTED("资质未通过");

    private final String label;

    ContractStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Terms are fixed once signed; after approval a change needs a new approval. */
    boolean termsOpenForDrafting() {
        return this == QUALIFIED || this == DRAFTED || this == APPROVED;
    }
}
