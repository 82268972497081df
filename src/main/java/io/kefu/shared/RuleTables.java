package io.kefu.shared;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Kefu's own rule tables (DMN: review cycles, grades, consequences, visit schedules), evaluated for the domain
 * whoever is logged in. The table a service asks for is fixed in code, never chosen by a client, so the reader's
 * engine authorizations do not apply to it: a 业务部 user opening a review, or a manager scoring, would otherwise
 * need the right to evaluate decisions through the engine REST API too, which nobody is given. The decision's
 * history (inputs and outputs) is written as for every evaluation.
 */
@Component
public class RuleTables {

    private final ProcessEngineConfigurationImpl engine;

    RuleTables(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** The latest deployed table with this key, evaluated with these inputs. */
    public DmnDecisionResult evaluate(String decisionKey, Map<String, Object> inputs) {
        return engine.getCommandExecutorTxRequired().execute(commandContext -> AuthorizationChecks.withoutAuthorizationCheck(
                commandContext, () -> engine.getDecisionService().evaluateDecisionByKey(decisionKey)
                        .variables(inputs).evaluate()));
    }
}
