package io.kefu.customer;

public enum CustomerStatus {
    PROSPECT("潜在客户"),
    ACTIVE("合作中"),
    SUSPENDED("暂停合作"),
    TERMINATED("已解约");

    private final String label;

    CustomerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
