package io.kefu.complaint;

/** Complaint categories (the rulebooks ask for 分类 without naming any; managers may reword them in the forms). */
public enum ComplaintCategory {
    PRODUCT_QUALITY("产品质量"),
    DELIVERY("配送物流"),
    SERVICE_ATTITUDE("服务态度"),
    SALES_PROMISE("销售承诺"),
    BILLING("费用结算"),
    CONTRACT("合同与加盟政策"),
    TECHNICAL("技术与系统"),
    OTHER("其他");

    private final String label;

    ComplaintCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
