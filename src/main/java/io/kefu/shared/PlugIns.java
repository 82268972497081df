package io.kefu.shared;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The beans of one plug-in kind, in their order, for code the engine calls on every task or step: asked of the bean
 * factory each time until every singleton of the application exists (the engine is built, and may already run, before
 * some of them), then collected once and kept — asking the bean factory sorted the beans again on every call.
 * Declare it as a bean ({@code @Bean PlugIns<X>}) or call {@link #afterSingletonsInstantiated()} from the owner's own.
 */
public final class PlugIns<T> implements Supplier<List<T>>, SmartInitializingSingleton {

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

    @Override
    public void afterSingletonsInstantiated() {
        kept = beans.orderedStream().toList();
    }
}
