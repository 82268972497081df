package io.kefu.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/** What changed between two versions of a process (elements) or of a decision table (rules), from the model API. */
@Service
class ModelDiff {

    /** The attributes a manager cares about; anything else (diagram positions, documentation) is not a change. */
    private static final List<String> BPMN_ATTRIBUTES = List.of("name", "sourceRef", "targetRef", "attachedToRef",
            "cancelActivity", "default", "calledElement");
    private static final List<String> CAMUNDA_ATTRIBUTES = List.of("formRef", "formRefBinding", "formKey", "assignee",
            "candidateGroups", "candidateUsers", "dueDate", "priority", "delegateExpression", "class", "expression",
            "decisionRef", "decisionRefBinding", "resultVariable", "mapDecisionResult", "asyncBefore", "asyncAfter",
            "type", "topic", "initiator");

    private final RepositoryService repositoryService;
    private final ModelCatalog catalog;

    ModelDiff(RepositoryService repositoryService, ModelCatalog catalog) {
        this.repositoryService = repositoryService;
        this.catalog = catalog;
    }

    record Element(String id, String type, String name) {
    }

    record Change(String attribute, String from, String to) {
    }

    record ChangedElement(String id, String type, String name, List<Change> changes) {
    }

    record Diff(String key, int from, int to, List<Element> added, List<Element> removed, List<ChangedElement> changed) {
    }

    Diff processes(String key, int from, int to) {
        BpmnModelInstance before = repositoryService.getBpmnModelInstance(catalog.processVersion(key, from).getId());
        BpmnModelInstance after = repositoryService.getBpmnModelInstance(catalog.processVersion(key, to).getId());
        return compare(key, from, to, elementsOf(before), elementsOf(after));
    }

    Diff decisions(String key, int from, int to) {
        DmnModelInstance before = repositoryService.getDmnModelInstance(catalog.decisionVersion(key, from).getId());
        DmnModelInstance after = repositoryService.getDmnModelInstance(catalog.decisionVersion(key, to).getId());
        return compare(key, from, to, rulesOf(before, key), rulesOf(after, key));
    }

    private static Diff compare(String key, int from, int to, Map<String, Snapshot> before, Map<String, Snapshot> after) {
        List<Element> added = new ArrayList<>();
        List<Element> removed = new ArrayList<>();
        List<ChangedElement> changed = new ArrayList<>();
        after.forEach((id, element) -> {
            Snapshot old = before.get(id);
            if (old == null) {
                added.add(element.element());
                return;
            }
            List<Change> changes = new ArrayList<>();
            if (!old.type().equals(element.type())) {
                changes.add(new Change("type", old.type(), element.type()));
            }
            var names = new java.util.LinkedHashSet<>(old.attributes().keySet());
            names.addAll(element.attributes().keySet());
            for (String name : names) {
                String was = old.attributes().get(name);
                String now = element.attributes().get(name);
                if (!Objects.equals(was, now)) {
                    changes.add(new Change(name, was, now));
                }
            }
            if (!changes.isEmpty()) {
                changed.add(new ChangedElement(id, element.type(), element.name(), changes));
            }
        });
        before.forEach((id, element) -> {
            if (!after.containsKey(id)) {
                removed.add(element.element());
            }
        });
        return new Diff(key, from, to, added, removed, changed);
    }

    private record Snapshot(String id, String type, String name, Map<String, String> attributes) {
        Element element() {
            return new Element(id, type, name);
        }
    }

    private static Map<String, Snapshot> elementsOf(BpmnModelInstance model) {
        Map<String, Snapshot> elements = new LinkedHashMap<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String name : BPMN_ATTRIBUTES) {
                put(attributes, name, element.getAttributeValue(name));
            }
            for (String name : CAMUNDA_ATTRIBUTES) {
                put(attributes, name, element.getAttributeValueNs(ModelValidator.CAMUNDA_NS, name));
            }
            for (ConditionExpression condition : element.getChildElementsByType(ConditionExpression.class)) {
                put(attributes, "condition", condition.getTextContent());
            }
            for (ModelElementInstance child : element.getChildElementsByType(TimerEventDefinition.class)) {
                TimerEventDefinition timer = (TimerEventDefinition) child;
                put(attributes, "timeDate", timer.getTimeDate() == null ? null : timer.getTimeDate().getTextContent());
                put(attributes, "timeDuration",
                        timer.getTimeDuration() == null ? null : timer.getTimeDuration().getTextContent());
                put(attributes, "timeCycle", timer.getTimeCycle() == null ? null : timer.getTimeCycle().getTextContent());
            }
            List<String> listeners = new ArrayList<>();
            if (element.getExtensionElements() != null) {
                for (ModelElementInstance child : element.getExtensionElements().getElements()) {
                    if (child instanceof CamundaTaskListener task) {
                        listeners.add("task:" + task.getCamundaEvent() + "=" + listenerTarget(
                                task.getCamundaDelegateExpression(), task.getCamundaClass(), task.getCamundaExpression()));
                    } else if (child instanceof CamundaExecutionListener execution) {
                        listeners.add("execution:" + execution.getCamundaEvent() + "=" + listenerTarget(
                                execution.getCamundaDelegateExpression(), execution.getCamundaClass(),
                                execution.getCamundaExpression()));
                    }
                }
            }
            put(attributes, "listeners", listeners.isEmpty() ? null : String.join("; ", listeners));
            elements.put(element.getId(), new Snapshot(element.getId(), element.getElementType().getTypeName(),
                    element.getName(), attributes));
        }
        return elements;
    }

    private static String listenerTarget(String delegate, String className, String expression) {
        return delegate != null ? delegate : className != null ? className : expression;
    }

    /** Rules by id: a rule's input entries and output entries, each column by its label or id. */
    private static Map<String, Snapshot> rulesOf(DmnModelInstance model, String key) {
        Map<String, Snapshot> rules = new LinkedHashMap<>();
        if (model == null || !(model.getModelElementById(key) instanceof Decision decision)
                || !(decision.getExpression() instanceof DecisionTable table)) {
            return rules;
        }
        var inputs = new ArrayList<>(table.getInputs());
        var outputs = new ArrayList<>(table.getOutputs());
        int row = 0;
        for (Rule rule : table.getRules()) {
            row++;
            Map<String, String> cells = new LinkedHashMap<>();
            int column = 0;
            for (InputEntry entry : rule.getInputEntries()) {
                var input = column < inputs.size() ? inputs.get(column) : null;
                cells.put("in:" + (input == null ? column : input.getLabel() != null ? input.getLabel() : input.getId()),
                        entry.getTextContent());
                column++;
            }
            column = 0;
            for (OutputEntry entry : rule.getOutputEntries()) {
                var output = column < outputs.size() ? outputs.get(column) : null;
                cells.put("out:" + (output == null ? column : output.getName() != null ? output.getName() : output.getId()),
                        entry.getTextContent());
                column++;
            }
            rules.put(rule.getId(), new Snapshot(rule.getId(), "rule", "第 " + row + " 行", cells));
        }
        return rules;
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, value.trim());
        }
    }
}
