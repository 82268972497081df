package io.kefu.phonecase;

/** Where a 个案 stands: with the department, waiting for the owner's call back, with a leader, or closed. */
public enum PhoneCaseStatus {
    REFERRED("已转交处理"),
    SOLVED("待回复客户"),
    WITH_LEADER("领导支持中"),
    CLOSED("已结案");

    private final String label;

    PhoneCaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
