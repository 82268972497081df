package io.kefu.supervision;

/** Where a supervision report stands. */
public enum SupervisionReportStatus {
    /** Compiled from the figures; 业务部's assessment (monthly) or the person's report (weekly) is awaited. */
    OPEN("待填写"),
    /** Monthly: assessed by 业务部, before the general manager. */
    ASSESSED("待总经理阅知"),
    /** Monthly: acknowledged by the general manager; weekly: submitted. */
    DONE("已完成");

    private final String label;

    SupervisionReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
