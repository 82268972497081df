package io.kefu.visit;

/** What a visit is for; each kind runs its own process. */
public enum VisitKind {
    /** 定期回访 from the schedule rule (visit-schedule.dmn). */
    SCHEDULED("定期回访", "return-visit"),
    /** 不定期回访 an agent starts in Tasklist (店庆日、促销活动期 and the like). */
    AD_HOC("不定期回访", "return-visit"),
    /** 节假日回访, configured as a list of holidays with a campaign name. */
    HOLIDAY("节假日回访", "return-visit"),
    /** 满意度调查, one per customer of a campaign. */
    SURVEY("满意度调查", "satisfaction-survey"),
    /** 开业调查 of a newly opened franchise store. */
    STORE_OPENING("开业调查", "store-opening-survey"),
    /** 配送回访 on a dealer's downstream order. */
    DELIVERY("配送回访", "delivery-follow-up"),
    /** 年度会晤 inside a customer's qualification review cycle (资质审核). */
    ANNUAL_MEETING("年度会晤", "return-visit");

    private final String label;
    private final String processKey;

    VisitKind(String label, String processKey) {
        this.label = label;
        this.processKey = processKey;
    }

    public String label() {
        return label;
    }

    public String processKey() {
        return processKey;
    }
}
