package io.kefu.notification;

/** Where a notice comes from: the case, and the process, step and job that send it (all optional). */
record CaseOrigin(String caseKey, String processKey, String processInstanceId, String activityId, String jobId) {

    static CaseOrigin ofCase(String caseKey) {
        return new CaseOrigin(caseKey, null, null, null, null);
    }
}
