package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessBindingsTest {

    /** A record of the test: its id and the process instance it names. */
    static final class Case {
        final long id;
        String processInstanceId;

        Case(long id, String processInstanceId) {
            this.id = id;
            this.processInstanceId = processInstanceId;
        }
    }

    final Map<Long, Case> table = new HashMap<>();
    final List<String> queries = new ArrayList<>();
    final ProcessBindings<Case> bindings = new ProcessBindings<>(this::byProcessInstance,
            id -> { queries.add("id " + id); return Optional.ofNullable(table.get(id)); },
            c -> c.id, c -> c.processInstanceId);

    Optional<Case> byProcessInstance(String processInstanceId) {
        queries.add("pi " + processInstanceId);
        return table.values().stream().filter(c -> processInstanceId.equals(c.processInstanceId)).findFirst();
    }

    @Test
    void aBoundRecordIsReadByItsIdOnceItWasFoundByItsProcessInstance() {
        table.put(1L, new Case(1, "pi-1"));
        table.put(2L, new Case(2, "pi-2"));

        assertThat(bindings.find("pi-2")).map(c -> c.id).contains(2L);
        assertThat(bindings.find("pi-2")).map(c -> c.id).contains(2L);
        assertThat(bindings.find("pi-1")).map(c -> c.id).contains(1L);

        assertThat(queries).containsExactly("pi pi-2", "id 2", "pi pi-1");
    }

    @Test
    void aRecordThatNoLongerNamesTheProcessInstanceIsNotTakenForIt() {
        Case record = new Case(1, "pi-1");
        table.put(1L, record);
        assertThat(bindings.find("pi-1")).isPresent();

        record.processInstanceId = "pi-other";
        assertThat(bindings.find("pi-1")).isEmpty();
        table.put(3L, new Case(3, "pi-1"));
        assertThat(bindings.find("pi-1")).map(c -> c.id).contains(3L);
    }

    @Test
    void aProcessInstanceWithoutARecordIsAskedAgainLater() {
        assertThat(bindings.find("pi-9")).isEmpty();
        table.put(9L, new Case(9, "pi-9"));

        assertThat(bindings.find("pi-9")).map(c -> c.id).contains(9L);
        assertThat(queries).containsExactly("pi pi-9", "pi pi-9");
        assertThat(bindings.find(null)).isEmpty();
    }
}
