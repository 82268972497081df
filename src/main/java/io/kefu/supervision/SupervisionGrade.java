package io.kefu.supervision;

/** 业务部's grade of a service line (服务受理, 主动维护) in the monthly 服务监督报告. */
public enum SupervisionGrade {
    EXCELLENT("优"),
    GOOD("良"),
    FAIR("中"),
    POOR("差");

    private final String label;

    SupervisionGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
