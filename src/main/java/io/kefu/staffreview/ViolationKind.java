package io.kefu.staffreview;


/**
 * The prohibited behaviours of the rulebooks (R4): the customer-service conduct code's 禁止行为 and the franchise
 * conduct fines. What each offence costs is the table violation-consequence.dmn, not this list.
 */
public enum ViolationKind {
    CUSTOMER_DATA_LEAK("泄露客户资料或隐私"),
    CUSTOMER_DISPUTE("与客户发生言语冲突"),
    FAILURE_TO_REPORT("知情不报、有意缓报"),
    SHIRKING_DUTIES("推诿职责、不执行上级指示"),
    PRIVATE_MATTERS("工作时间做私事"),
    UNTIDY_WORKPLACE("工作场所不整洁"),
    ARGUING_BEFORE_GUESTS("在客人面前争论或不服从安排"),
    SOLICITING_BENEFITS("向客户索取利益"),
    SPREADING_RUMOURS("散播流言");

    private final String label;

    ViolationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
