package io.kefu.visit;

public enum VisitStatus {
    PLANNING("拜访计划审批中"),
    OPEN("待回访"),
    RESCHEDULED("已改约"),
    DONE("已回访"),
    CANCELLED("已取消");

    private final String label;

    VisitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == PLANNING || this == OPEN || this == RESCHEDULED;
    }
}
