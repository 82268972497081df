package io.kefu.archive;

/** Kinds of loan (P11, R3); who approves and for how long is in the DMN table {@code archive-loan-rules}. */
public enum LoanKind {
    /** 本公司人员借阅: at most 3 days, the customer-service manager's consent. */
    STAFF("本公司人员借阅"),
    /** 部门借阅: the department head's consent and a signed 客户借阅申请表. */
    DEPARTMENT("部门借阅"),
    /** 特殊情况短期外借: at most 10 days, approved by the customer-service manager. */
    SPECIAL_EXTERNAL("特殊短期外借");

    private final String label;

    LoanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
