package io.kefu.model;

/**
 * Something that keeps a model from being deployed: in which file and element, a stable English code (for tests
 * and tools) and what a manager reads, in plain Chinese.
 */
public record ModelProblem(String resource, String elementId, String code, String message) {

    /** One line as the engine REST API and the logs show it. */
    public String describe() {
        return "[" + resource + (elementId == null ? "" : " / " + elementId) + "] " + message + " (" + code + ")";
    }
}
