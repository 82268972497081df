package io.kefu.inquiry;

/** What became of the inquiry (P3: answered at once, or passed on as a case, a complaint or a prospect). */
public enum InquiryOutcome {
    ANSWERED("已答复"),
    REFERRED("转交部门"),
    COMPLAINT("转为投诉"),
    PROSPECT("转为意向客户");

    private final String label;

    InquiryOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
