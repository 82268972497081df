package io.kefu.archive;

/** A loan in the register (借阅登记册). Overdue is not a status: it is a lent loan past its due date. */
public enum LoanStatus {
    REQUESTED("待审批"),
    REFUSED("不予外借"),
    REJECTED("未批准"),
    APPROVED("已批准待借出"),
    LENT("已借出"),
    RETURNED("已归还");

    private final String label;

    LoanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == REQUESTED || this == APPROVED || this == LENT;
    }
}
