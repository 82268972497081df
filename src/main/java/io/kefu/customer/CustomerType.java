package io.kefu.customer;

/** The kinds of customer a franchise service center serves (代理商 / 加盟商 / 经销商 / 会员客户). */
public enum CustomerType {
    AGENT("代理商"),
    FRANCHISEE("加盟商"),
    DEALER("经销商"),
    MEMBER("会员客户");

    private final String label;

    CustomerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
