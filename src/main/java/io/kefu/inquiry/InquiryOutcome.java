package io.kefu.inquiry;

/** What became of the inquiry (P3: answered at once, or passed on as a case, a complaint or a prospect). */
public enum InquiryOutcome {
    ANSWERED("已答复"),
    REFERRED("转交部门"),
    COMPLAINT("转为投诉"),
    PROSPECT("转为意向客户"),
    /** Set when the inquiry is turned into a 个案 (phone case), never chosen when recording. */
    CASE("转为个案");

    private final String label;

    InquiryOutcome(String label) {
        this.label = label;
    }

    /** The outcomes an agent chooses when recording an inquiry (转为个案 is done on a recorded inquiry). */
    public static InquiryOutcome[] recordable() {
        return new InquiryOutcome[] {ANSWERED, REFERRED, COMPLAINT, PROSPECT};
    }

    public String label() {
        return label;
    }
}
