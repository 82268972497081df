package io.kefu.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * A manager's new step that copied a feature's complete listener, as copying a task in Modeler does: a one-step
 * process whose task names the listener and a form of the manager's own. Used by each feature's process test to show
 * the listener lets such a step pass and its input is kept as a generic case entry.
 */
public final class ManagersNewStep {

    public static final String TASK = "Task_ManagersNewStep";
    public static final String NAME = "主管补充核实";
    public static final String KEPT = "已现场核实:是;核实说明:门店现场已核对";

    /**
     * Deploys the step with {@code listener} as complete listener, runs a case {@code caseKey} through it, the step
     * assigned to {@code user}, submitting the form, and answers the case's generic entries; the deployment is removed afterwards.
     */
    public static List<StepEntries.Entry> keptEntries(ProcessEngine engine, StepEntries entries, String listener,
            String caseKey, String user) {
        String key = "managers-new-step-" + listener;
        String formId = key + "-form";
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_NewStep"
                    targetNamespace="http://kefu.io/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="180">
                    <bpmn:startEvent id="Start_NewStep" />
                    <bpmn:sequenceFlow id="Flow_ToNewStep" sourceRef="Start_NewStep" targetRef="%2$s" />
                    <bpmn:userTask id="%2$s" name="%3$s" camunda:formRef="%4$s" camunda:formRefBinding="deployment"
                        camunda:assignee="%6$s">
                      <bpmn:extensionElements>
                        <camunda:taskListener delegateExpression="${%5$s}" event="complete" />
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_FromNewStep" sourceRef="%2$s" targetRef="End_NewStep" />
                    <bpmn:endEvent id="End_NewStep" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, TASK, NAME, formId, listener, user);
        String form = """
                {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_checked", "type": "checkbox", "key": "verifiedOnSite", "label": "已现场核实"},
                  {"id": "Field_remark", "type": "textarea", "key": "verificationRemark", "label": "核实说明"}
                ]}""".formatted(formId);
        String deployment = engine.getRepositoryService().createDeployment().name(key)
                .addString(key + ".bpmn", bpmn).addString(formId + ".form", form).deploy().getId();
        try {
            String pid = engine.getRuntimeService().startProcessInstanceByKey(key, caseKey).getId();
            String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
            // completed as the engine does for the assignee (who the step's entry names), without a login
            engine.getTaskService().complete(taskId, Map.of("verifiedOnSite", true,
                    "verificationRemark", "门店现场已核对"));
            return entries.ofCase(caseKey);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    /**
     * Runs the step as {@link #keptEntries} does and checks that what was submitted is the case's one generic entry,
     * with the step's name, who submitted it and each field's label and shown value.
     */
    public static void assertKeptAsEntry(ProcessEngine engine, StepEntries entries, String listener, String caseKey,
            String user) {
        assertThat(keptEntries(engine, entries, listener, caseKey, user)).singleElement().satisfies(entry -> {
            assertThat(entry.taskKey()).isEqualTo(TASK);
            assertThat(entry.taskName()).isEqualTo(NAME);
            assertThat(entry.actor()).isEqualTo(user);
            assertThat(entry.text()).isEqualTo(KEPT);
        });
    }

    private ManagersNewStep() {
    }
}
