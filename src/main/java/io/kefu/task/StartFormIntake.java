package io.kefu.task;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongFunction;
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
    private final LongFunction<T> find;
    private final BiConsumer<T, String> link;
    private final Function<T, String> caseKey;
    private final Function<T, Map<String, Object>> startVariables;

    /**
     * @param idVariable the process variable that holds the record's id when Kefu started the process
     * @param formFields the start form's fields, taken out of the process once the record has them
     * @param find the record Kefu started the process for, by id
     * @param link binds the record to its process instance (by id)
     * @param caseKey the record's number, the process's business key
     * @param startVariables what the process keeps: ids and the flags its gateways read
     */
    protected StartFormIntake(String idVariable, List<String> formFields, LongFunction<T> find,
            BiConsumer<T, String> link, Function<T, String> caseKey,
            Function<T, Map<String, Object>> startVariables) {
        this.idVariable = idVariable;
        this.formFields = List.copyOf(formFields);
        this.find = find;
        this.link = link;
        this.caseKey = caseKey;
        this.startVariables = startVariables;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        Long id = FormFields.recordId(execution, idVariable);
        T record;
        if (id != null) {
            record = find.apply(id);
        } else {
            record = intake(execution);
            FormFields.consume(execution, formFields);
        }
        link.accept(record, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(caseKey.apply(record));
        execution.setVariables(startVariables.apply(record));
    }

    /** A new record from the start form's fields (read with {@link FormFields}). */
    protected abstract T intake(DelegateExecution execution);
}
