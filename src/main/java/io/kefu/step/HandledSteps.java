package io.kefu.step;

import java.util.Map;
import java.util.Set;

/**
 * The steps a feature's handler knows — the complete listener a process names, e.g. {@code ${complaintTaskCompletion}}
 * — and the form fields it reads at each (by task definition key). The handler takes the {@link StepRecord} of those
 * steps to its own record; a step it does not list is kept by {@link StepEntries}, and so are the fields it does not
 * read. The model validator refuses a form that lacks a field listed here. A bean without dependencies, so that the
 * validator can ask it while the engine deploys at start-up.
 */
public interface HandledSteps {

    /** The bean name of the complete listener these steps belong to. */
    String listener();

    /** The fields each known step reads from its form, by task definition key. */
    Map<String, Set<String>> steps();
}
