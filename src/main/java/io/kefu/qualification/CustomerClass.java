package io.kefu.qualification;

import io.kefu.customer.CustomerTier;

/**
 * 客户分类 for the qualification review cycle: 核心客户 (reviewed every half year to three years), 重要客户 (one to three
 * years), 一般客户 (one to two years). review-cycle.dmn gives the cycle per class and tier.
 */
public enum CustomerClass {
    CORE("核心客户"),
    IMPORTANT("重要客户"),
    GENERAL("一般客户");

    private final String label;

    CustomerClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A customer never classified yet starts in the class its VIP tier suggests (A core, B important, C general). */
    static CustomerClass suggestedBy(CustomerTier tier) {
        return switch (tier) {
            case A -> CORE;
            case B -> IMPORTANT;
            case C -> GENERAL;
        };
    }
}
