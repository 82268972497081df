package io.kefu.model;

import java.util.Locale;

/** One file of a deployment as a manager uploads it: a BPMN process, a DMN decision table or a Camunda Form. */
public record ModelResource(String name, byte[] content) {

    public enum Kind { BPMN, DMN, FORM, OTHER }

    public Kind kind() {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return Kind.BPMN;
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return Kind.DMN;
        }
        if (lower.endsWith(".form")) {
            return Kind.FORM;
        }
        return Kind.OTHER;
    }

    /** The name as managers read it: the auto-deployment names files by their full path; from processes/ on. */
    public String displayName() {
        String normalized = name.replace('\\', '/');
        int processes = normalized.lastIndexOf("processes/");
        return processes >= 0 ? normalized.substring(processes) : normalized;
    }
}
