package io.kefu.inquiry;

/** How the inquiry reached the service center. */
public enum InquiryChannel {
    HOTLINE("热线电话"),
    ONLINE("在线"),
    WALK_IN("来访"),
    OTHER("其他");

    private final String label;

    InquiryChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
