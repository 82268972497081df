package io.kefu.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What Kefu found checking an upload: the problems (any one of them refuses the deployment) and notes for the
 * manager that refuse nothing (e.g. which outputs a decision table gives the process).
 */
public record ValidationReport(List<String> resources, List<ModelProblem> problems, List<String> notes) {

    @JsonProperty("valid")
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The problems as plain lines, for the engine REST API's message, the logs and the audit trail. */
    public String summary() {
        if (problems.isEmpty()) {
            return "校验通过" + (notes.isEmpty() ? "" : ";" + String.join(";", notes));
        }
        StringBuilder text = new StringBuilder("发现 " + problems.size() + " 个问题,未部署:");
        problems.forEach(p -> text.append("\n- ").append(p.describe()));
        return text.toString();
    }
}
