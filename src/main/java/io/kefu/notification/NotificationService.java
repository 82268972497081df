package io.kefu.notification;

import io.kefu.audit.CaseDirectory;
import io.kefu.customer.CustomerDetails;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.ConflictException;
import io.kefu.shared.time.WorkingHours;
import io.kefu.shared.time.Now;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kefu's one way to send notices (通知/公函) to customers and staff. A notice is made from a template and the case,
 * recorded and archived, and delivered in an engine job: from a BPMN send task ({@code sendNoticeDelegate}, the job of
 * its {@code asyncBefore}) or, for code, through {@link #send} (the job of a {@code notice-delivery} process). A failed
 * delivery is recorded and thrown back to the engine, which retries and then raises an incident.
 */
@Service
public class NotificationService {

    /** The process that delivers a notice {@link #send} recorded, with the engine's retries and incidents. */
    public static final String DELIVERY_PROCESS = "notice-delivery";
    static final String NOTICE_ID = "noticeId";
    static final String CUSTOMER_ID = "customerId";

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final NoticeTemplates templates;
    private final Recipients recipients;
    private final NoticeLog noticeLog;
    private final NoticeSenders senders;
    private final ChannelSwitches channels;
    private final ObjectProvider<NoticeContextProvider> contextProviders;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final WorkingHours hours;
    /** Who may see a case (for resends); looked up lazily, the case directory reads every feature's records. */
    private final ObjectProvider<CaseDirectory> cases;

    NotificationService(NoticeTemplates templates, Recipients recipients, NoticeLog noticeLog, NoticeSenders senders,
            ChannelSwitches channels, ObjectProvider<NoticeContextProvider> contextProviders,
            RuntimeService runtimeService, IdentityService identityService, WorkingHours hours,
            ObjectProvider<CaseDirectory> cases) {
        this.cases = cases;
        this.templates = templates;
        this.recipients = recipients;
        this.noticeLog = noticeLog;
        this.senders = senders;
        this.channels = channels;
        this.contextProviders = contextProviders;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.hours = hours;
    }

    /**
     * Records the notice (in the caller's transaction: no notice if the caller rolls back) and has it delivered
     * asynchronously, with retries and an incident after the last one. One recipient: a customer or a user.
     */
    @Transactional
    public Notice send(NoticeRequest request) {
        if (request.to() != null && request.to().trim().startsWith(Recipients.GROUP_PREFIX)) {
            throw new IllegalArgumentException("NotificationService.send takes one recipient; use a BPMN send task "
                    + "for groups");
        }
        return asSystem(() -> {
            Recipient recipient = recipients.resolve(request.to(), request.channel(), request.customerId()).get(0);
            Map<String, String> values = generic(request.customerId(), request.caseKey());
            values.putAll(request.placeholders());
            Notice notice = noticeLog.record(make(recipient, request.template(), values, CaseOrigin.ofCase(request.caseKey())));
            startDelivery(notice, request.caseKey());
            return notice;
        });
    }

    /**
     * A BPMN send task: makes the notices (once per job: a retry of the job finds those it made before) and delivers
     * those not yet delivered. Every recipient is tried; if any failed, the job fails.
     */
    void sendForCase(DelegateExecution execution, String template, String to, NoticeChannel forced) {
        String jobId = currentJobId();
        List<Notice> notices = jobId == null ? List.of() : noticeLog.ofJob(jobId);
        if (notices.isEmpty()) {
            if (jobId == null) {
                log.warn("Send task {} is not asynchronous: its notices get no retries (make it asyncBefore)",
                        execution.getCurrentActivityId());
            }
            List<Notice> made = asSystem(() -> make(execution, template, to, forced, jobId));
            notices = noticeLog.recordForJob(made);
        }
        deliverAll(notices);
    }

    /**
     * A resend asked for through Kefu's API: by staff of the notice's case — whoever may see the case (its owner, those
     * who worked or may work its tasks) — and by supervisors and managers; other users and auditors never (403).
     */
    @Transactional
    Notice resend(Notice notice, CurrentUser user) {
        if (!mayResend(notice, user)) {
            throw new AccessDeniedException(user.id() + " may not resend notice " + notice.getArchiveNo());
        }
        return resend(notice);
    }

    private boolean mayResend(Notice notice, CurrentUser user) {
        if (user.isSupervisorOrManager()) {
            return true;
        }
        return !user.isAuditor() && notice.getCaseKey() != null && !notice.getCaseKey().isBlank()
                && !cases.getObject().find(notice.getCaseKey(), user).isEmpty();
    }

    /**
     * Sends a FAILED or CHANNEL_OFF notice again through the {@code notice-delivery} process. Safe while its own job
     * still waits for a retry: whichever delivers it first marks it SENT, and the other then skips it.
     */
    private Notice resend(Notice notice) {
        if (notice.getStatus() != NoticeStatus.FAILED && notice.getStatus() != NoticeStatus.CHANNEL_OFF) {
            throw new ConflictException("通知 " + notice.getArchiveNo() + " 的状态为" + notice.getStatus().label()
                    + ",只能重发发送失败或渠道未开通的通知");
        }
        notice.requeue();
        return asSystem(() -> {
            startDelivery(notice, notice.getCaseKey());
            return notice;
        });
    }

    /** The variable {@value #NOTICE_ID} is for information: the delivery job finds its notice by the binding. */
    private void startDelivery(Notice notice, String caseKey) {
        String instance = runtimeService.startProcessInstanceByKey(DELIVERY_PROCESS, caseKey,
                Map.of(NOTICE_ID, notice.getId())).getId();
        noticeLog.deliveredBy(instance, notice);
    }

    /** Delivers the notice Kefu bound to this {@code notice-delivery} instance (its job) when it started it. */
    void deliver(DelegateExecution execution) {
        deliverAll(List.of(noticeLog.deliveredBy(execution.getProcessInstanceId())));
    }

    private List<Notice> make(DelegateExecution execution, String template, String to, NoticeChannel forced,
            String jobId) {
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        NoticeContextProvider provider = contextProviders.orderedStream()
                .filter(p -> p.processKey().equals(processKey))
                .findFirst()
                .orElse(null);
        // a process Kefu knows names its customer from the case record; only a process it does not know, from the
        // variable its designer set
        Long customerId = provider != null ? provider.customerId(execution)
                : customerId(execution.getVariable(CUSTOMER_ID));
        Map<String, String> values = generic(customerId, execution.getProcessBusinessKey());
        if (provider != null) {
            values.putAll(provider.placeholders(execution));
        }
        CaseOrigin origin = new CaseOrigin(execution.getProcessBusinessKey(), processKey,
                execution.getProcessInstanceId(), execution.getCurrentActivityId(), jobId);
        List<Notice> made = new ArrayList<>();
        for (Recipient recipient : recipients.resolve(to, forced, customerId)) {
            made.add(make(recipient, template, values, origin));
        }
        return made;
    }

    private Notice make(Recipient recipient, String template, Map<String, String> values, CaseOrigin origin) {
        Map<String, String> all = new HashMap<>(values);
        all.put(NoticePlaceholders.RECIPIENT_NAME, recipient.name());
        return new Notice(recipient, template, templates.render(template, all), origin);
    }

    private Map<String, String> generic(Long customerId, String caseKey) {
        Map<String, String> values = new HashMap<>();
        values.put(NoticePlaceholders.TODAY, DATE.format(Now.instant().atZone(hours.zone())));
        if (caseKey != null) {
            values.put(NoticePlaceholders.CASE_KEY, caseKey);
        }
        if (customerId != null) {
            CustomerDetails customer = recipients.customer(customerId);
            values.put(NoticePlaceholders.CUSTOMER_NAME, customer.name());
            values.put(NoticePlaceholders.CUSTOMER_CODE, customer.code());
        }
        return values;
    }

    private void deliverAll(List<Notice> notices) {
        List<String> errors = new ArrayList<>();
        for (Notice notice : notices) {
            if (notice.getStatus().isFinal()) {
                continue;
            }
            if (!channels.isOn(notice.getChannel())) {
                noticeLog.channelOff(notice.getId());
                log.info("Notice {} not sent: channel {} is switched off", notice.getArchiveNo(), notice.getChannel());
                continue;
            }
            try {
                senders.send(notice);
            } catch (RuntimeException e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Notice failed = noticeLog.failed(notice.getId(), error);
                log.warn("Notice {} to {} failed (attempt {}): {}", failed.getArchiveNo(), failed.getChannel(),
                        failed.getAttempts(), error);
                errors.add(failed.getArchiveNo() + ": " + error);
                continue;
            }
            noticeLog.sent(notice.getId());
        }
        if (!errors.isEmpty()) {
            throw new NoticeFailure("通知发送失败 " + String.join("; ", errors));
        }
    }

    private static String currentJobId() {
        var commandContext = Context.getCommandContext();
        JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
        return job == null ? null : job.getId();
    }

    /** The process variable {@code customerId}: the customer's id (a number) or code (C00012). */
    Long customerId(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = value.toString().trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return Long.valueOf(text);
        }
        return recipients.customerByCode(text).id();
    }

    /** Recipients and the delivery process are Kefu's business, not the logged-in user's Camunda permissions. */
    private <T> T asSystem(Supplier<T> work) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current == null) {
            return work.get();
        }
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            identityService.setAuthentication(current);
        }
    }
}
