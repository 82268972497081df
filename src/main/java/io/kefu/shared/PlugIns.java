package io.kefu.shared;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The beans of one plug-in kind, in their order, for code the engine calls on every task or step: asked of the bean
 * factory each time until the owner {@link #keep() keeps} them once every singleton of the application exists (the
 * engine is built, and may already run, before some of them) — asking the bean factory sorted the beans again on
 * every call. The owner calls {@link #keep()} from its {@code afterSingletonsInstantiated}.
 */
public final class PlugIns<T> implements Supplier<List<T>> {

    private final ObjectProvider<T> beans;
    private volatile List<T> kept;

    public PlugIns(ObjectProvider<T> beans) {
        this.beans = beans;
    }

    @Override
    public List<T> get() {
        List<T> all = kept;
        return all != null ? all : beans.orderedStream().toList();
    }

    /** Collects the beans once, for good. */
    public void keep() {
        kept = beans.orderedStream().toList();
    }
}
