package io.kefu.inquiry;

/** What the caller asked about; 招商加盟咨询 is the figure of the monthly 热线招商加盟咨询统计. */
public enum InquiryCategory {
    FRANCHISE("招商加盟咨询"),
    AGENCY("代理咨询"),
    PRODUCT("产品咨询"),
    AFTER_SALES("售后咨询"),
    OTHER("其他");

    private final String label;

    InquiryCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
