package io.kefu.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.customer.PersonalData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * Personal data a form submits (客户资料属于机密: a complainant's name and phone, a contact, an address) never reaches
 * Camunda's history. A form declares which of its fields are personal — in the field's custom properties,
 * {@code "properties": {"personal": "true"}} — so a manager who adds such a field marks it where the field is made.
 * <p>
 * Every Camunda Form deployed (Kefu's own and a manager's) is read for those marks, and the engine's history event
 * handler is wrapped so that the variable events (ACT_HI_VARINST, ACT_HI_DETAIL) and form-field events (ACT_HI_DETAIL)
 * of a personal field are dropped; everything else is recorded as history level FULL records it, except that a mobile
 * number quoted in a free text is kept masked. The values still reach the start delegate or completion listener, which
 * stores them in Kefu's tables and removes them from the process: they never stay in the runtime variables either.
 */
@Component
public class PersonalFormFields extends AbstractProcessEnginePlugin {

    /** The custom property of a form field that makes it personal, with the value {@value #PERSONAL_VALUE}. */
    public static final String PERSONAL_PROPERTY = "personal";
    static final String PERSONAL_VALUE = "true";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> names = ConcurrentHashMap.newKeySet();

    /** Whether a variable of this name holds a personal field's value. */
    public boolean isPersonal(String variableName) {
        return variableName != null && names.contains(variableName);
    }

    /** The personal fields of every form deployed, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(names));
    }

    /** The keys of the fields a Camunda Form marks personal, nested groups included. */
    public static Set<String> personalFields(JsonNode form) {
        Set<String> keys = new TreeSet<>();
        collect(form, keys);
        return keys;
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (PERSONAL_VALUE.equals(node.path("properties").path(PERSONAL_PROPERTY).asText())
                && node.path("key").isTextual() && !node.path("key").asText().isBlank()) {
            keys.add(node.path("key").asText().split("\\.")[0]);
        }
        for (Iterator<JsonNode> children = node.path("components").elements(); children.hasNext(); ) {
            collect(children.next(), keys);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        // every deployment, new or read back into the cache, passes here
        configuration.getCustomPreDeployers().add(deployment -> deployment.getResources().values().stream()
                .filter(resource -> isForm(resource.getName()))
                .map(ResourceEntity::getBytes)
                .forEach(this::read));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutPersonalData(configuration.getHistoryEventHandler()));
    }

    /**
     * The forms of earlier deployments, so that their marks hold from the engine's start: each deployment's resources
     * in one query (not one for its names and one per form), each distinct form parsed once.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        RepositoryService repository = engine.getRepositoryService();
        Set<ByteBuffer> read = new HashSet<>();
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
            for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
                if (isForm(resource.getName()) && resource.getBytes() != null
                        && read.add(ByteBuffer.wrap(resource.getBytes()))) {
                    read(resource.getBytes());
                }
            }
        }
    }

    private void read(byte[] form) {
        try {
            names.addAll(personalFields(JSON.readTree(form)));
        } catch (IOException notJson) {
            // not a Camunda Form Kefu can read: the model validation reports it when it is deployed
        }
    }

    private static boolean isForm(String resourceName) {
        return resourceName != null && resourceName.endsWith(".form");
    }

    /** The engine's history event handler, without the events that carry a personal field's value. */
    final class WithoutPersonalData implements HistoryEventHandler {

        private final HistoryEventHandler delegate;

        WithoutPersonalData(HistoryEventHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!carriesPersonalData(event)) {
                delegate.handleEvent(maskPhoneNumbers(event));
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            delegate.handleEvents(events.stream().filter(event -> !carriesPersonalData(event))
                    .map(this::maskPhoneNumbers).toList());
        }

        /** A free text (a description, a note) may quote a mobile number: history keeps it masked. */
        private HistoryEvent maskPhoneNumbers(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable
                    && "string".equals(variable.getSerializerName())) {
                variable.setTextValue(PersonalData.maskPhoneNumbersIn(variable.getTextValue()));
            } else if (event instanceof HistoricFormPropertyEventEntity field
                    && field.getPropertyValue() instanceof String text) {
                field.setPropertyValue(PersonalData.maskPhoneNumbersIn(text));
            }
            return event;
        }

        private boolean carriesPersonalData(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return isPersonal(variable.getVariableName());
            }
            if (event instanceof HistoricFormPropertyEventEntity field) {
                return isPersonal(field.getPropertyId());
            }
            return false;
        }
    }
}
