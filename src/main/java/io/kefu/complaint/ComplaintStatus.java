package io.kefu.complaint;

public enum ComplaintStatus {
    REGISTERED("已受理"),
    INVESTIGATING("调查处理中"),
    AWAITING_APPROVAL("方案审批中"),
    IMPLEMENTING("方案实施中"),
    AWAITING_CUSTOMER("待客户确认"),
    RESOLVED("已解决待回访"),
    REOPENED("不满意重新处理"),
    AWAITING_CLOSURE("待结案"),
    CLOSED("已结案"),
    REJECTED("不成立已答复");

    private final String label;

    ComplaintStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this != CLOSED && this != REJECTED;
    }
}
