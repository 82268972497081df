package io.kefu.supervision;

/** The monthly 服务监督报告 (业务部 → 总经理) or a technical-service person's weekly 每周服务状况报告. */
public enum SupervisionReportKind {
    MONTHLY("服务监督报告", "JD"),
    WEEKLY("每周服务状况报告", "ZB");

    private final String label;
    private final String prefix;

    SupervisionReportKind(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    public String label() {
        return label;
    }

    String prefix() {
        return prefix;
    }
}
