package io.kefu.step;

import java.util.Map;
import java.util.Set;

/**
 * A feature's {@link HandledSteps} as data: its listener's bean name and the fields each known step reads. A feature
 * declares a bean of its own ({@code @Component class ContractSteps extends DeclaredSteps}) with constants only.
 */
public abstract class DeclaredSteps implements HandledSteps {

    private final String listener;
    private final Map<String, Set<String>> steps;

    protected DeclaredSteps(String listener, Map<String, Set<String>> steps) {
        this.listener = listener;
        this.steps = Map.copyOf(steps);
    }

    @Override
    public final String listener() {
        return listener;
    }

    @Override
    public final Map<String, Set<String>> steps() {
        return steps;
    }
}
