package io.kefu.operations;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health {@code jobExecutor}, part of the readiness group: a node whose job executor stopped would leave timers (SLA
 * deadlines) and async steps to the other nodes, so it is not ready. Job execution switched off by configuration
 * ({@code camunda.bpm.job-execution.enabled=false}) is a choice, not a fault: UP with {@code jobExecutor: disabled}.
 * Replaces the Camunda starter's indicator of the same name, which reports DOWN in that case.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final boolean enabled;
    private final ObjectProvider<JobExecutor> jobExecutor;

    JobExecutorHealthIndicator(@Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled,
            ObjectProvider<JobExecutor> jobExecutor) {
        super("Camunda job executor health check failed");
        this.enabled = enabled;
        this.jobExecutor = jobExecutor;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobExecutor executor = jobExecutor.getIfAvailable();
        if (!enabled || executor == null) {
            builder.up().withDetail("jobExecutor", "disabled");
            return;
        }
        (executor.isActive() ? builder.up() : builder.down())
                .withDetail("jobExecutor", executor.isActive() ? "active" : "stopped")
                .withDetail("name", String.valueOf(executor.getName()))
                .withDetail("lockOwner", String.valueOf(executor.getLockOwner()));
    }
}
