package io.kefu.escalation;

/** The matters that must be reported upward (请示报告制度): each names the level that decides in escalation-routing.dmn. */
public enum EscalationTrigger {
    RULE_PROBLEM("规章制度问题"),
    LEAK("失泄密"),
    MAJOR_ERROR("重大差错、事故或严重违纪"),
    SAFETY_RISK("设备或人身安全隐患"),
    OUTSIDE_REMIT("超出本人职权范围的事项"),
    TROUBLEMAKER("客户故意刁难");

    private final String label;

    EscalationTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
