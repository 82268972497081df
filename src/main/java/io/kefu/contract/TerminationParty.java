package io.kefu.contract;

/** Who asked to end the contract: the customer, or the company (e.g. 信用状况下滑). */
public enum TerminationParty {
    CUSTOMER("客户提出"),
    COMPANY("公司提出");

    private final String label;

    TerminationParty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
