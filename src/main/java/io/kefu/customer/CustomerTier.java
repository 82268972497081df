package io.kefu.customer;

/** VIP tier: A (government, large scale or brand reach), B (development potential), C (ordinary customers). */
public enum CustomerTier {
    A, B, C
}
