package io.kefu.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.step.StepForm;
import io.kefu.step.StepHandlers;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;

/**
 * Checks BPMN, DMN and Camunda Forms before anything reaches the engine, and says what is wrong in words a manager
 * understands. The same check runs for the console upload, the dry run, Camunda Modeler's deployments through the
 * engine REST API (see {@link ModelValidationPlugin}) and Kefu's own models at start-up.
 * <p>
 * Rules, each with its code: the XML parses and follows the schema ({@code XML_INVALID}); process and decision keys
 * are sane ({@code KEY_INVALID}, {@code PROCESS_NOT_EXECUTABLE}); every process and decision has a history
 * time-to-live ({@code HISTORY_TTL_MISSING}); every user task has a form ({@code USER_TASK_NO_FORM}) that is in the
 * upload or deployed ({@code FORM_NOT_FOUND}, {@code FORM_NOT_IN_DEPLOYMENT}) and someone to do it
 * ({@code USER_TASK_NO_ASSIGNEE}) who exists ({@code GROUP_UNKNOWN}, {@code USER_UNKNOWN}); every delegate names a
 * Spring bean of the right kind ({@code DELEGATE_UNKNOWN}, {@code DELEGATE_WRONG_TYPE}, {@code CLASS_UNKNOWN});
 * every timer parses ({@code TIMER_EMPTY}, {@code TIMER_INVALID}); every business rule task's decision exists
 * ({@code DECISION_NOT_FOUND}) and the gateways read only outputs it has ({@code DECISION_OUTPUT_UNKNOWN}); decision
 * tables have outputs ({@code DMN_NO_OUTPUT}) and the DMN engine accepts them — hit policy and aggregation included
 * ({@code DMN_INVALID}; no hit policy means UNIQUE, the DMN default); forms
 * are JSON with an id ({@code FORM_INVALID}). Expressions ({@code ${owner}}) are checked for syntax only
 * ({@code EXPRESSION_INVALID}): what they name exists only while a case runs. Every field of a step's form is either
 * read by the step's handler or kept as a generic case entry: a handler that reads a field the form lacks
 * ({@code STEP_FIELD_MISSING}) or a personal field on a step no handler stores ({@code STEP_PERSONAL_FIELD}) refuses
 * the model; the notes say which fields become generic entries.
 */
@Service
public class ModelValidator {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
    private static final Pattern SIMPLE_BEAN = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

    private final ApplicationContext applicationContext;
    private final ObjectProvider<ProcessEngineConfigurationImpl> engineConfiguration;
    private final StepHandlers stepHandlers;
    private final ObjectMapper json = new ObjectMapper();

    ModelValidator(ApplicationContext applicationContext,
            ObjectProvider<ProcessEngineConfigurationImpl> engineConfiguration, StepHandlers stepHandlers) {
        this.applicationContext = applicationContext;
        this.engineConfiguration = engineConfiguration;
        this.stepHandlers = stepHandlers;
    }

    /** Checks the files as one deployment, against what the engine has deployed already. */
    public ValidationReport validate(List<ModelResource> resources) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            return validate(resources, current);
        }
        return engineConfiguration.getObject().getCommandExecutorTxRequired()
                .execute(commandContext -> validate(resources, commandContext));
    }

    ValidationReport validate(List<ModelResource> resources, CommandContext commandContext) {
        return new Check(resources, new DeployedModels(commandContext),
                commandContext.getProcessEngineConfiguration()).run();
    }

    /** One validation run: what the upload holds, and the problems found so far. */
    private final class Check {

        private final List<ModelResource> resources;
        private final DeployedModels deployed;
        private final ProcessEngineConfigurationImpl configuration;
        private final ExpressionManager expressions;
        private final List<ModelProblem> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Set<String> uploadedForms = new LinkedHashSet<>();
        private final Map<String, List<String>> uploadedDecisions = new LinkedHashMap<>();
        private final Map<ModelResource, BpmnModelInstance> processes = new LinkedHashMap<>();
        private final Map<String, StepForm> formContents = new LinkedHashMap<>();
        private String resource;

        Check(List<ModelResource> resources, DeployedModels deployed, ProcessEngineConfigurationImpl configuration) {
            this.resources = resources;
            this.deployed = deployed;
            this.configuration = configuration;
            this.expressions = configuration.getExpressionManager();
        }

        ValidationReport run() {
            // forms and decisions first: processes may refer to them within the same upload
            for (ModelResource file : resources) {
                resource = file.displayName();
                switch (file.kind()) {
                    case FORM -> readForm(file);
                    case DMN -> readDecisions(file);
                    case BPMN -> readProcess(file).ifPresent(model -> processes.put(file, model));
                    case OTHER -> notes.add(resource + " 不是流程、决策表或表单,未校验");
                }
            }
            processes.forEach((file, model) -> {
                resource = file.displayName();
                checkProcess(model);
            });
            return new ValidationReport(resources.stream().map(ModelResource::displayName).toList(),
                    List.copyOf(problems), List.copyOf(notes));
        }

        private void problem(String elementId, String code, String message) {
            problems.add(new ModelProblem(resource, elementId, code, message));
        }

        // ---- forms -------------------------------------------------------------------------------------------------

        private void readForm(ModelResource file) {
            JsonNode form;
            try {
                form = json.readTree(file.content());
            } catch (Exception e) {
                problem(null, "FORM_INVALID", "表单文件不是有效的 JSON,无法读取");
                return;
            }
            if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
                problem(null, "FORM_INVALID", "表单缺少 id(流程通过 formRef 按 id 引用表单)");
                return;
            }
            if (!form.path("components").isArray()) {
                problem(form.path("id").asText(), "FORM_INVALID", "表单没有任何字段(缺少 components)");
            }
            if (!uploadedForms.add(form.path("id").asText())) {
                problem(form.path("id").asText(), "FORM_DUPLICATE", "同一次上传中有两个表单使用了相同的 id");
            }
            formContents.put(form.path("id").asText(), StepForm.of(form));
        }

        // ---- decisions ---------------------------------------------------------------------------------------------

        private void readDecisions(ModelResource file) {
            DmnModelInstance model;
            try {
                model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
            } catch (RuntimeException e) {
                problem(null, "XML_INVALID", "决策表文件无法解析:XML 格式错误或不符合 DMN 规范(" + brief(e) + ")");
                return;
            }
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                String key = decision.getId();
                if (key == null || !KEY.matcher(key).matches()) {
                    problem(key, "KEY_INVALID", "决策的 id「" + key + "」不合规:须以字母开头,只含字母、数字、-、_、.");
                }
                String ttl = decision.getAttributeValueNs(CAMUNDA_DMN_NS, "historyTimeToLive");
                if (ttl == null || ttl.isBlank()) {
                    problem(key, "HISTORY_TTL_MISSING", "决策「" + label(decision.getName(), key)
                            + "」没有设置历史保留期限(camunda:historyTimeToLive)");
                }
                // a table without hitPolicy is UNIQUE (the DMN default); an unsupported combination fails DMN_INVALID
                if (decision.getExpression() instanceof DecisionTable table && table.getOutputs().isEmpty()) {
                    problem(key, "DMN_NO_OUTPUT", "决策表「" + label(decision.getName(), key) + "」没有输出列");
                }
                List<String> outputs = DeployedModels.outputsOf(decision);
                uploadedDecisions.put(key, outputs);
                notes.add("决策 " + key + " 的输出:" + String.join(", ", outputs));
            }
            try {
                configuration.getDmnEngine().parseDecisions(model);
            } catch (RuntimeException e) {
                problem(null, "DMN_INVALID", "决策引擎无法使用该决策表,请检查命中策略、聚合方式和表达式(" + brief(e) + ")");
            }
        }

        // ---- processes ---------------------------------------------------------------------------------------------

        private Optional<BpmnModelInstance> readProcess(ModelResource file) {
            try {
                return Optional.of(Bpmn.readModelFromStream(new ByteArrayInputStream(file.content())));
            } catch (RuntimeException e) {
                problem(null, "XML_INVALID", "流程文件无法解析:XML 格式错误或不符合 BPMN 规范(" + brief(e) + ")");
                return Optional.empty();
            }
        }

        private void checkProcess(BpmnModelInstance model) {
            var definedProcesses = model.getModelElementsByType(Process.class);
            if (definedProcesses.stream().noneMatch(Process::isExecutable)) {
                problem(null, "PROCESS_NOT_EXECUTABLE", "文件中没有可执行的流程(isExecutable=\"true\")");
            }
            for (Process process : definedProcesses) {
                if (!process.isExecutable()) {
                    continue;
                }
                if (process.getId() == null || !KEY.matcher(process.getId()).matches()) {
                    problem(process.getId(), "KEY_INVALID", "流程的 id「" + process.getId()
                            + "」不合规:须以字母开头,只含字母、数字、-、_、.");
                }
                String ttl = process.getCamundaHistoryTimeToLiveString();
                if (ttl == null || ttl.isBlank()) {
                    problem(process.getId(), "HISTORY_TTL_MISSING", "流程「" + label(process.getName(), process.getId())
                            + "」没有设置历史保留期限(camunda:historyTimeToLive)");
                }
            }
            model.getModelElementsByType(UserTask.class).forEach(this::checkUserTask);
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    checkFormRef(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding());
                }
            }
            checkDelegates(model);
            model.getModelElementsByType(TimerEventDefinition.class).forEach(this::checkTimer);
            List<ConditionExpression> conditions = new ArrayList<>(model.getModelElementsByType(ConditionExpression.class));
            for (ConditionExpression condition : conditions) {
                if (condition.getLanguage() == null) {
                    checkExpression(idOf(condition), condition.getTextContent(), "条件");
                }
            }
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                checkDecisionRef(task, conditions);
            }
        }

        private void checkUserTask(UserTask task) {
            String id = task.getId();
            String name = label(task.getName(), id);
            if (task.getCamundaFormRef() == null && task.getCamundaFormKey() == null) {
                problem(id, "USER_TASK_NO_FORM", "用户任务「" + name + "」没有表单(camunda:formRef)");
            } else if (task.getCamundaFormRef() != null) {
                checkFormRef(id, task.getCamundaFormRef(), task.getCamundaFormRefBinding());
                checkStep(task, name);
            }
            String assignee = task.getCamundaAssignee();
            String groups = task.getCamundaCandidateGroups();
            String users = task.getCamundaCandidateUsers();
            if (blank(assignee) && blank(groups) && blank(users)) {
                problem(id, "USER_TASK_NO_ASSIGNEE", "用户任务「" + name + "」没有指定处理人或候选组");
                return;
            }
            if (!blank(assignee)) {
                checkPeople(id, name, assignee, false);
            }
            if (!blank(users)) {
                checkPeople(id, name, users, false);
            }
            if (!blank(groups)) {
                checkPeople(id, name, groups, true);
            }
        }

        /**
         * Every field of the step's form is either read by the step's handler or kept as a generic case entry; a
         * handler that reads a field the form lacks, or a personal field no handler stores, refuses the model.
         */
        private void checkStep(UserTask task, String name) {
            String formRef = task.getCamundaFormRef();
            if (isExpression(formRef)) {
                return;
            }
            StepForm form = formContents.containsKey(formRef) ? formContents.get(formRef)
                    : deployed.latestForm(formRef).flatMap(StepForm::read).orElse(null);
            if (form == null) {
                return; // FORM_NOT_FOUND or FORM_INVALID says why
            }
            List<CamundaTaskListener> listeners = task.getExtensionElements() == null ? List.of()
                    : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
            List<CamundaTaskListener> onComplete = listeners.stream()
                    .filter(l -> TaskListener.EVENTNAME_COMPLETE.equals(l.getCamundaEvent())).toList();
            List<String> delegates = onComplete.stream().map(CamundaTaskListener::getCamundaDelegateExpression)
                    .filter(d -> d != null).toList();
            StepHandlers.Handling handling = stepHandlers.of(task.getId(), delegates, onComplete.size() > delegates.size());
            Set<String> formFields = new LinkedHashSet<>();
            form.fields().forEach(field -> formFields.add(field.key()));
            if (handling instanceof StepHandlers.Known known) {
                for (String expected : new java.util.TreeSet<>(known.fields())) {
                    if (!formFields.contains(expected)) {
                        problem(task.getId(), "STEP_FIELD_MISSING", "步骤「" + name + "」由 " + known.bean()
                                + " 处理,它要读取字段「" + expected + "」,但表单「" + formRef + "」没有这个字段");
                    }
                }
                List<String> generic = form.fields().stream().filter(f -> !known.fields().contains(f.key()))
                        .map(StepForm.Field::label).toList();
                if (!generic.isEmpty()) {
                    notes.add("步骤「" + name + "」的字段 " + String.join("、", generic) + " 作为通用记录保存到案件");
                }
                return;
            }
            if (handling instanceof StepHandlers.Opaque) {
                return;
            }
            for (StepForm.Field field : form.fields()) {
                if (field.personal()) {
                    problem(task.getId(), "STEP_PERSONAL_FIELD", "步骤「" + name + "」没有专门的处理,表单「" + formRef
                            + "」的个人信息字段「" + field.label() + "」无处保存(通用记录不保存个人信息):请删除该字段或去掉个人信息标记");
                }
            }
            if (!form.fields().isEmpty()) {
                notes.add("步骤「" + name + "」没有专门的处理:提交的内容("
                        + form.fields().stream().map(StepForm.Field::label).collect(java.util.stream.Collectors.joining("、"))
                        + ")作为通用记录保存到案件,显示在案件页、案件卡片和时间线上");
            }
        }

        private void checkPeople(String id, String taskName, String list, boolean groups) {
            if (isExpression(list)) {
                checkExpression(id, list, groups ? "候选组" : "处理人");
                return;
            }
            for (String entry : list.split(",")) {
                String who = entry.trim();
                if (who.isEmpty()) {
                    continue;
                }
                if (groups && !deployed.groupExists(who)) {
                    problem(id, "GROUP_UNKNOWN", "用户任务「" + taskName + "」的候选组「" + who + "」不存在");
                } else if (!groups && !deployed.userExists(who)) {
                    problem(id, "USER_UNKNOWN", "用户任务「" + taskName + "」的处理人「" + who + "」不存在");
                }
            }
        }

        private void checkFormRef(String id, String formRef, String binding) {
            if (isExpression(formRef)) {
                checkExpression(id, formRef, "表单引用");
                return;
            }
            if (uploadedForms.contains(formRef)) {
                return;
            }
            if ("deployment".equals(binding)) {
                problem(id, "FORM_NOT_IN_DEPLOYMENT", "表单「" + formRef
                        + "」按 deployment 绑定,但不在本次上传中:请一并上传该表单,或改用 latest 绑定");
            } else if (!deployed.formDeployed(formRef)) {
                problem(id, "FORM_NOT_FOUND", "表单「" + formRef + "」不存在:既不在本次上传中,也未部署过");
            }
        }

        private void checkDelegates(BpmnModelInstance model) {
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                String delegate = element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
                if (delegate != null) {
                    checkDelegate(idOf(element), delegate, JavaDelegate.class, "服务任务");
                }
                String className = element.getAttributeValueNs(CAMUNDA_NS, "class");
                if (className != null) {
                    checkClass(idOf(element), className, JavaDelegate.class);
                }
                String expression = element.getAttributeValueNs(CAMUNDA_NS, "expression");
                if (expression != null) {
                    checkExpression(idOf(element), expression, "表达式");
                }
            }
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                checkListener(idOf(listener), listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
                        listener.getCamundaExpression(), ExecutionListener.class);
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                checkListener(idOf(listener), listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
                        listener.getCamundaExpression(), TaskListener.class);
            }
        }

        private void checkListener(String id, String delegate, String className, String expression, Class<?> type) {
            if (delegate != null) {
                checkDelegate(id, delegate, type, "监听器");
            }
            if (className != null) {
                checkClass(id, className, type);
            }
            if (expression != null) {
                checkExpression(id, expression, "监听器表达式");
            }
        }

        private void checkDelegate(String id, String delegate, Class<?> type, String what) {
            Matcher simple = SIMPLE_BEAN.matcher(delegate);
            if (!simple.matches()) {
                checkExpression(id, delegate, what + "委托");
                return;
            }
            String bean = simple.group(1);
            if (!applicationContext.containsBean(bean)) {
                problem(id, "DELEGATE_UNKNOWN", what + "引用的「" + bean + "」在 Kefu 中不存在(delegateExpression "
                        + delegate + ")");
                return;
            }
            Class<?> actual = applicationContext.getType(bean);
            boolean fits = actual == null || type.isAssignableFrom(actual)
                    || type == JavaDelegate.class && ActivityBehavior.class.isAssignableFrom(actual);
            if (!fits) {
                problem(id, "DELEGATE_WRONG_TYPE", what + "引用的「" + bean + "」不是" + kindOf(type) + ",不能用在这里");
            }
        }

        private void checkClass(String id, String className, Class<?> type) {
            try {
                Class<?> actual = Class.forName(className, false, applicationContext.getClassLoader());
                if (!type.isAssignableFrom(actual) && !ActivityBehavior.class.isAssignableFrom(actual)) {
                    problem(id, "DELEGATE_WRONG_TYPE", "类「" + className + "」不是" + kindOf(type));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problem(id, "CLASS_UNKNOWN", "类「" + className + "」在 Kefu 中不存在");
            }
        }

        private void checkTimer(TimerEventDefinition timer) {
            String id = idOf(timer);
            String date = text(timer.getTimeDate());
            String duration = text(timer.getTimeDuration());
            String cycle = text(timer.getTimeCycle());
            if (date == null && duration == null && cycle == null) {
                problem(id, "TIMER_EMPTY", "定时器没有设置时间(日期、时长或周期)");
                return;
            }
            String value = date != null ? date : duration != null ? duration : cycle;
            if (isExpression(value)) {
                checkExpression(id, value, "定时器");
                return;
            }
            try {
                if (date != null) {
                    DateTimeUtil.parseDate(date);
                } else if (duration != null) {
                    new DurationHelper(duration);
                } else if (cycle.startsWith("R")) {
                    new DurationHelper(cycle);
                } else {
                    CronTimer.parse(cycle);
                }
            } catch (Exception e) {
                String expected = date != null ? "ISO 8601 日期时间,如 2026-12-31T18:00:00"
                        : duration != null ? "ISO 8601 时长,如 P3D、PT4H" : "ISO 8601 周期(如 R3/PT1H)或 cron 表达式";
                problem(id, "TIMER_INVALID", "定时器的时间「" + value + "」无法识别,应为" + expected);
            }
        }

        private void checkDecisionRef(BusinessRuleTask task, List<ConditionExpression> conditions) {
            String ref = task.getCamundaDecisionRef();
            if (ref == null) {
                return; // implemented by a delegate, a class or an external worker: checked with those
            }
            if (isExpression(ref)) {
                checkExpression(task.getId(), ref, "决策引用");
                return;
            }
            List<String> outputs = uploadedDecisions.containsKey(ref) ? uploadedDecisions.get(ref)
                    : deployed.decisionOutputs(ref).orElse(null);
            if (outputs == null) {
                problem(task.getId(), "DECISION_NOT_FOUND", "业务规则任务「" + label(task.getName(), task.getId())
                        + "」引用的决策「" + ref + "」不存在:既不在本次上传中,也未部署过");
                return;
            }
            if (!uploadedDecisions.containsKey(ref)) {
                notes.add("决策 " + ref + "(已部署)的输出:" + String.join(", ", outputs));
            }
            String result = task.getCamundaResultVariable();
            if (result == null || outputs.isEmpty()) {
                return;
            }
            Pattern read = Pattern.compile("\\b" + Pattern.quote(result) + "\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)"
                    + "|\\[\\s*['\"]([^'\"]+)['\"]\\s*])");
            for (ConditionExpression condition : conditions) {
                Matcher matcher = read.matcher(String.valueOf(condition.getTextContent()));
                while (matcher.find()) {
                    String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    if (!outputs.contains(name)) {
                        problem(idOf(condition), "DECISION_OUTPUT_UNKNOWN", "条件读取了「" + result + "." + name
                                + "」,但决策「" + ref + "」没有名为「" + name + "」的输出(有:" + String.join(", ", outputs) + ")");
                    }
                }
            }
        }

        private void checkExpression(String id, String text, String what) {
            if (text == null || !isExpression(text)) {
                return;
            }
            try {
                expressions.createExpression(text.trim());
            } catch (RuntimeException e) {
                problem(id, "EXPRESSION_INVALID", what + "中的表达式「" + text.trim() + "」语法错误");
            }
        }
    }

    // ---- small helpers ---------------------------------------------------------------------------------------------

    private static String kindOf(Class<?> type) {
        if (type == TaskListener.class) {
            return "任务监听器(TaskListener)";
        }
        if (type == ExecutionListener.class) {
            return "执行监听器(ExecutionListener)";
        }
        return "服务任务委托(JavaDelegate)";
    }

    /** The id of the element, or of the nearest element around it that has one (listeners, conditions, timers). */
    static String idOf(ModelElementInstance element) {
        for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
            String id = current.getAttributeValue("id");
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String text(ModelElementInstance element) {
        if (element == null || element.getTextContent() == null || element.getTextContent().isBlank()) {
            return null;
        }
        return element.getTextContent().trim();
    }

    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String label(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    /** The parser's first line, without the stack: enough for a manager to find the spot. */
    private static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Arrays.stream(message.split("\\R")).findFirst().orElse(message).trim();
    }
}
