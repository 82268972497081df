package io.kefu.operations;

import io.kefu.identity.KefuGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the engine holds right now: open tasks per candidate group ({@code kefu_tasks_open}), open incidents
 * ({@code kefu_incidents_open}) and jobs that failed with no retries left ({@code kefu_jobs_failed}). Every node
 * reports the whole database's numbers (take one node's value, or max, not the sum). The numbers are queried at most
 * once per {@code kefu.metrics.refresh-interval} (30 s) however often Prometheus scrapes, and a scrape while the
 * database is away shows the last numbers rather than failing. A task of a case whose complained-about employee is
 * recused has candidate users instead of groups ({@code KefuTaskListeners}) and counts for no group.
 */
@Component
class EngineMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(EngineMetrics.class);

    static final String OPEN_TASKS = "kefu.tasks.open";
    static final String OPEN_INCIDENTS = "kefu.incidents.open";
    static final String FAILED_JOBS = "kefu.jobs.failed";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final long refreshNanos;
    private final List<String> groups;

    private volatile Snapshot snapshot;

    EngineMetrics(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
            @Value("${kefu.metrics.refresh-interval:30s}") Duration refreshInterval) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.refreshNanos = refreshInterval.toNanos();
        List<String> routed = new ArrayList<>(KefuGroups.workingGroups());
        Arrays.stream(KefuGroups.Department.values()).map(KefuGroups.Department::groupId).forEach(routed::add);
        this.groups = List.copyOf(routed);
    }

    /** The counts at one moment (the gauges show NaN until the first query succeeds). */
    record Snapshot(long takenAt, Map<String, Long> openTasks, long openIncidents, long failedJobs) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : groups) {
            gauge(registry, OPEN_TASKS, "Open user tasks (claimed or not) the group is a candidate for",
                    s -> s.openTasks().getOrDefault(group, 0L), "group", group);
        }
        gauge(registry, OPEN_INCIDENTS, "Open incidents (failed jobs, failed external tasks) in Camunda",
                Snapshot::openIncidents);
        gauge(registry, FAILED_JOBS, "Jobs (timers, async steps) that failed and have no retries left",
                Snapshot::failedJobs);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value,
            String... tags) {
        Gauge.builder(name, this, metrics -> {
                    Snapshot s = metrics.current();
                    return s == null ? Double.NaN : value.applyAsDouble(s);
                })
                .description(description)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    /** The latest snapshot, refreshed first if it is older than the refresh interval. */
    Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.takenAt() >= refreshNanos) {
            synchronized (this) {
                s = snapshot;
                if (s == null || System.nanoTime() - s.takenAt() >= refreshNanos) {
                    s = refresh(s);
                }
            }
        }
        return s;
    }

    /** Queries now, whatever the age of the last snapshot (tests). */
    synchronized Snapshot refreshNow() {
        return refresh(snapshot);
    }

    private Snapshot refresh(Snapshot previous) {
        try {
            Map<String, Long> openTasks = new LinkedHashMap<>();
            for (String group : groups) {
                openTasks.put(group, taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                        .active().count());
            }
            long incidents = runtimeService.createIncidentQuery().count();
            long failedJobs = managementService.createJobQuery().noRetriesLeft().count();
            snapshot = new Snapshot(System.nanoTime(), Map.copyOf(openTasks), incidents, failedJobs);
        } catch (RuntimeException e) {
            log.warn("Could not count open tasks and incidents for the metrics: {}", e.toString());
            // try again after the interval, not on every gauge of this scrape
            snapshot = previous == null ? null
                    : new Snapshot(System.nanoTime(), previous.openTasks(), previous.openIncidents(),
                            previous.failedJobs());
        }
        return snapshot;
    }
}
