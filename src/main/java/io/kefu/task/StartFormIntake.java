package io.kefu.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The register step of a process a person may start from Tasklist's start form or Kefu's API starts for a record it
 * already holds. From the start form, the form's fields become the record ({@link #intake}, the starting user as its
 * author) and then leave the process, personal ones included; from the API, the record's id arrives and the record is
 * only bound. Either way the record learns its process, the process takes the record's number as business key, and
 * the variables its gateways and cards need.
 *
 * @param <T> the record the process is about
 */
public abstract class StartFormIntake<T> implements JavaDelegate {

    private final String idVariable;
    private final List<String> formFields;

    /**
     * @param idVariable the process variable that holds the record's id when Kefu started the process
     * @param formFields the start form's fields, taken out of the process once the record has them
     */
    protected StartFormIntake(String idVariable, List<String> formFields) {
        this.idVariable = idVariable;
        this.formFields = List.copyOf(formFields);
    }

    @Override
    public final void execute(DelegateExecution execution) {
        Long id = FormFields.recordId(execution, idVariable);
        T record;
        if (id != null) {
            record = find(id);
        } else {
            record = intake(execution);
            FormFields.consume(execution, formFields);
        }
        link(record, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(caseKey(record));
        execution.setVariables(startVariables(record));
    }

    /** The record Kefu started the process for. */
    protected abstract T find(long id);

    /** A new record from the start form's fields (read with {@link FormFields}). */
    protected abstract T intake(DelegateExecution execution);

    /** Binds the record to its process instance. */
    protected abstract void link(T record, String processInstanceId);

    /** The record's number, the process's business key. */
    protected abstract String caseKey(T record);

    /** What the process keeps: ids and the flags its gateways read. */
    protected abstract Map<String, Object> startVariables(T record);
}
