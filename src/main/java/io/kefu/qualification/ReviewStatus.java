package io.kefu.qualification;

/** Where a qualification review stands. */
public enum ReviewStatus {
    OPEN("待评分"),
    AWAITING_DECISION("待决定是否终止合作"),
    CLOSED("已完成"),
    COOPERATION_KEPT("继续合作"),
    TERMINATION_STARTED("已启动解约");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == OPEN || this == AWAITING_DECISION;
    }
}
