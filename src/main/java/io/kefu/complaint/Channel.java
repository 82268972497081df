package io.kefu.complaint;

/** How the complaint reached the service center. */
public enum Channel {
    HOTLINE("热线电话"),
    WALK_IN("来访"),
    EMAIL("电子邮件"),
    ONLINE("在线客服"),
    LETTER("信函"),
    WECHAT("微信"),
    OTHER("其他");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
