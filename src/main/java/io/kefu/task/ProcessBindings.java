package io.kefu.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The record of one type that Kefu bound to each process instance, found by the record's id once it has been found
 * by the process instance id.
 *
 * <p>Every step of a case asks which record its process instance works on. Asked by process instance id, that is a
 * query Hibernate translates each time (Spring Data's derived queries are criteria queries, whose plan is not
 * cached); asked by the record's id, it is a look-up by primary key, answered from the transaction's persistence
 * context when the record is already there. A binding never changes (a record refuses a second process instance), so
 * the process instance id → record id pairs found are kept, at most {@value #REMEMBERED}, the least recently used
 * dropped first. Only ids are kept: the record is read from the database every time, and used only when it still
 * names this process instance — otherwise it is looked up by process instance id again. Nothing read for one user
 * is kept for another.
 */
public final class ProcessBindings<T> {

    static final int REMEMBERED = 20_000;

    private final Function<String, Optional<T>> byProcessInstance;
    private final Function<Long, Optional<T>> byId;
    private final Function<T, Long> idOf;
    private final Function<T, String> processInstanceOf;
    private final Map<String, Long> ids = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    public ProcessBindings(Function<String, Optional<T>> byProcessInstance, Function<Long, Optional<T>> byId,
            Function<T, Long> idOf, Function<T, String> processInstanceOf) {
        this.byProcessInstance = byProcessInstance;
        this.byId = byId;
        this.idOf = idOf;
        this.processInstanceOf = processInstanceOf;
    }

    /** The record bound to this process instance, if any. */
    public Optional<T> find(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        Long id;
        synchronized (ids) {
            id = ids.get(processInstanceId);
        }
        if (id != null) {
            Optional<T> known = byId.apply(id);
            if (known.isPresent() && processInstanceId.equals(processInstanceOf.apply(known.get()))) {
                return known;
            }
        }
        Optional<T> found = byProcessInstance.apply(processInstanceId);
        found.ifPresent(record -> {
            synchronized (ids) {
                ids.put(processInstanceId, idOf.apply(record));
            }
        });
        return found;
    }
}
