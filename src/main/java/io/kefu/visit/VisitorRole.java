package io.kefu.visit;

/** Who visits (回访人), as the schedule rule names them. */
public enum VisitorRole {
    ACCOUNT_MANAGER("客户经理"),
    PROJECT_REVIEW("项目回访(客服专员)"),
    DEPARTMENT_MANAGER("部门经理"),
    DIVISION_LEADER("分管领导"),
    PRESIDENT("总裁"),
    SPECIALIST("客服专员");

    private final String label;

    VisitorRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
