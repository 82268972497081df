package io.kefu.dispatch;

/** What the technician goes out for: an installation (安装任务派工单) or a repair (维修服务单). */
public enum WorkOrderKind {
    INSTALLATION("安装", "安装任务派工单", "AZ"),
    REPAIR("维修", "维修服务单", "WX");

    private final String label;
    private final String formTitle;
    private final String prefix;

    WorkOrderKind(String label, String formTitle, String prefix) {
        this.label = label;
        this.formTitle = formTitle;
        this.prefix = prefix;
    }

    public String label() {
        return label;
    }

    public String formTitle() {
        return formTitle;
    }

    String prefix() {
        return prefix;
    }
}
