package io.kefu.dispatch;

/** Where a work order stands; open ones (not rejected, not closed) count towards a technician's load. */
public enum WorkOrderStatus {
    SUBMITTED("待审批"),
    REJECTED("已驳回"),
    ASSIGNED("已派工"),
    PREPARED("已出发"),
    AWAITING_FINANCE("待财务确认"),
    AWAITING_RETURN_VISIT("待回访"),
    CLOSED("已完成");

    private final String label;

    WorkOrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this != REJECTED && this != CLOSED;
    }
}
