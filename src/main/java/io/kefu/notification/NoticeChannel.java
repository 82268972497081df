package io.kefu.notification;

/** How a notice travels: email through SMTP, SMS and WeChat notification accounts through the HTTP gateway. */
public enum NoticeChannel {
    EMAIL("电子邮件"),
    SMS("短信"),
    WECHAT("微信通知");

    private final String label;

    NoticeChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
