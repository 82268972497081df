package io.kefu.evidence;

import io.kefu.audit.CaseDirectory;
import io.kefu.audit.CaseDirectory.CaseRow;
import io.kefu.audit.CaseRecordHistory;
import io.kefu.identity.DataAccessLog;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.TooLargeException;
import io.kefu.shared.time.Now;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence on a case (签字单扫描件, 收据照片, 通话录音, 信函, 邮件), kept in Kefu's own table {@code case_attachment}.
 * Access is the case's: whoever may read the case ({@link CaseDirectory}) lists and downloads its files; whoever may
 * work on it (supervisors and managers on any case; others on an open case they started or hold or may claim a task
 * of) adds files; the user the case's record recuses ({@link CaseRecordHistory#recusedUser}) does neither. Nothing is
 * ever deleted. Every upload and download is in the data-access log, and so in the case's timeline.
 */
@Service
public class CaseAttachments {

    /** One attached file as lists show it (the bytes come with {@link #download}). */
    public record Attachment(long id, String caseKey, String fileName, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt, String taskName) {
    }

    /** A file and its bytes. */
    public record Download(Attachment attachment, byte[] content) {
    }

    /** What a task's attachment tab shows: its case, the case's files, and whether this user may add one. */
    public record TaskEvidence(String taskId, String caseKey, boolean mayUpload, long maxSize, String accepted,
            List<Attachment> attachments) {
    }

    /** A case as the attachments see it: its key, its instances (oldest first), its customer and recused user. */
    private record Case(String key, List<CaseRow> instances, Long customerId, String recused) {

        boolean open() {
            return instances.stream().anyMatch(CaseRow::open);
        }
    }

    private static final String COLUMNS = "id, case_key, file_name, content_type, size_bytes, sha256, uploaded_by,"
            + " uploaded_at, task_name";
    private static final RowMapper<Attachment> ATTACHMENT = (rs, i) -> new Attachment(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
            rs.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(9));

    private final JdbcTemplate jdbc;
    private final CaseDirectory directory;
    private final List<CaseRecordHistory> records;
    private final DataAccessLog accessLog;
    private final AttachmentSettings settings;
    private final TaskService tasks;
    private final HistoryService history;

    CaseAttachments(JdbcTemplate jdbc, CaseDirectory directory, List<CaseRecordHistory> records,
            DataAccessLog accessLog, AttachmentSettings settings, TaskService tasks, HistoryService history) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.records = records;
        this.accessLog = accessLog;
        this.settings = settings;
        this.tasks = tasks;
        this.history = history;
    }

    /** The case's files, oldest first; 404 for a case the user may not read. */
    @Transactional(readOnly = true)
    public List<Attachment> list(String caseKey, CurrentUser user) {
        return attachmentsOf(readable(caseKey, user).key());
    }

    /** Whether the user may attach files to this case they may read (the case page offers the upload then). */
    @Transactional(readOnly = true)
    public boolean mayAttach(String caseKey, CurrentUser user) {
        return mayWork(readable(caseKey, user), user);
    }

    /** The largest file accepted, and the kinds, as the pages tell the user. */
    public String limits() {
        return "可上传 " + FileType.ACCEPTED + ",单个文件不超过 " + megabytes(settings.maxSize().toBytes())
                + ";附件一经上传不能删除";
    }

    /** Attaches a file to the case; 404 for a case the user may not read, 403 for one they may not work on. */
    @Transactional
    public Attachment upload(String caseKey, String fileName, byte[] content, CurrentUser user) {
        Case found = readable(caseKey, user);
        if (!mayWork(found, user)) {
            throw new AccessDeniedException(user.id() + " may not add evidence to case " + found.key());
        }
        return store(found, null, null, fileName, content, user);
    }

    /** The attachment tab of an open task: its case's files. */
    @Transactional(readOnly = true)
    public TaskEvidence ofTask(String taskId, CurrentUser user) {
        Task task = openTask(taskId);
        Case found = caseOf(task, user);
        return new TaskEvidence(taskId, found.key(), mayWork(found, user) && worksOn(task, user),
                settings.maxSize().toBytes(), FileType.ACCEPTED, attachmentsOf(found.key()));
    }

    /** Attaches a file to the case of an open task, marked as the task's evidence ({@link #requireEvidence}). */
    @Transactional
    public Attachment uploadToTask(String taskId, String fileName, byte[] content, CurrentUser user) {
        Task task = openTask(taskId);
        Case found = caseOf(task, user);
        if (!mayWork(found, user) || !worksOn(task, user)) {
            throw new AccessDeniedException(user.id() + " may not add evidence to task " + taskId);
        }
        return store(found, task.getId(), task.getName(), fileName, content, user);
    }

    /** A file of the case, its download logged; 404 for a case the user may not read or a file not of this case. */
    @Transactional(readOnly = true)
    public Download download(String caseKey, long id, CurrentUser user) {
        Case found = readable(caseKey, user);
        List<Download> downloads = jdbc.query("select " + COLUMNS + ", content from case_attachment"
                + " where id = ? and case_key = ?", (rs, i) -> new Download(ATTACHMENT.mapRow(rs, i),
                        rs.getBytes(10)), id, found.key());
        if (downloads.isEmpty()) {
            throw new NotFoundException("附件 " + id + " 不存在");
        }
        Download download = downloads.get(0);
        accessLog.attachment(user.id(), found.customerId(), found.key(), false, describe(download.attachment()));
        return download;
    }

    /**
     * For a step whose rule demands evidence (客户签字, 借出登记): the step is completed only with a reference typed
     * into {@code field} or a file attached to the case from this task — or to the case while this task was open.
     * Otherwise 400 naming {@code field}, whatever route completes the task.
     */
    public void requireEvidence(DelegateTask task, String field, String reference, String message) {
        if (reference != null && !reference.isBlank()) {
            return;
        }
        String caseKey = task.getExecution() == null ? null
                : Objects.requireNonNullElse(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
        Long found = jdbc.queryForObject("select count(*) from case_attachment where task_id = ?"
                + " or (case_key = ? and uploaded_at >= ?)", Long.class, task.getId(), caseKey,
                LocalDateTime.ofInstant(task.getCreateTime().toInstant(), ZoneOffset.UTC));
        if (found == null || found == 0) {
            throw InvalidInputException.of(field, message);
        }
    }

    private Attachment store(Case found, String taskId, String taskName, String fileName, byte[] content,
            CurrentUser user) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "请选择要上传的文件(文件不能为空)");
        }
        if (content.length > settings.maxSize().toBytes()) {
            throw new TooLargeException("file", "文件过大:最大 " + megabytes(settings.maxSize().toBytes()));
        }
        String name = FileNames.safe(fileName);
        String extension = FileNames.extension(name);
        FileType type = FileType.of(content, extension).orElseThrow(() -> InvalidInputException.of("file",
                "不支持的文件类型,只接受 " + FileType.ACCEPTED));
        if (extension.isEmpty()) {
            name = FileNames.withExtension(name, type.extension());
        } else if (!type.hasExtension(extension)) {
            throw InvalidInputException.of("file", "文件内容是" + type.label() + ",与扩展名 ." + extension + " 不符");
        }
        String sha256 = sha256(content);
        Instant now = Now.instant();
        String storedName = name;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement insert = con.prepareStatement("""
                    insert into case_attachment (case_key, process_instance_id, task_id, task_name, file_name,
                        content_type, size_bytes, sha256, uploaded_by, uploaded_at, content)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, found.key());
            insert.setString(2, found.instances().get(0).processInstanceId());
            insert.setString(3, taskId);
            insert.setString(4, taskName);
            insert.setString(5, storedName);
            insert.setString(6, type.contentType());
            insert.setLong(7, content.length);
            insert.setString(8, sha256);
            insert.setString(9, user.id());
            insert.setObject(10, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setBytes(11, content);
            return insert;
        }, key);
        Attachment attachment = new Attachment(Objects.requireNonNull(key.getKey()).longValue(), found.key(),
                storedName, type.contentType(), content.length, sha256, user.id(), now, taskName);
        accessLog.attachment(user.id(), found.customerId(), found.key(), true, describe(attachment));
        return attachment;
    }

    private List<Attachment> attachmentsOf(String caseKey) {
        return jdbc.query("select " + COLUMNS + " from case_attachment where case_key = ? order by id", ATTACHMENT,
                caseKey);
    }

    /** The case the user may read: 404 when there is none, it is hidden from them, or they are recused from it. */
    private Case readable(String caseKey, CurrentUser user) {
        List<CaseRow> instances = directory.find(caseKey, user);
        if (instances.isEmpty()) {
            throw new NotFoundException("案件 " + caseKey + " 不存在");
        }
        CaseRow first = instances.get(0);
        Long customerId = null;
        String recused = null;
        if (first.businessKey() != null) {
            for (CaseRecordHistory record : records) {
                if (instances.stream().map(CaseRow::processKey).anyMatch(record::supports)) {
                    Optional<Long> customer = record.customerId(first.businessKey());
                    if (customer.isPresent()) {
                        customerId = customer.get();
                    }
                    recused = record.recusedUser(first.businessKey()).orElse(recused);
                }
            }
        }
        if (user.id().equals(recused)) {
            throw new NotFoundException("案件 " + caseKey + " 不存在");
        }
        return new Case(first.caseKey(), instances, customerId, recused);
    }

    /**
     * May add evidence: staff (not auditors) — supervisors and managers on any case, everyone else on an open case
     * they started or hold, or may claim, an open task of.
     */
    private boolean mayWork(Case found, CurrentUser user) {
        boolean staff = user.groups().stream().anyMatch(group -> !KefuGroups.AUDITORS.equals(group));
        if (!staff) {
            return false;
        }
        if (user.isSupervisorOrManager()) {
            return true;
        }
        if (!found.open()) {
            return false;
        }
        if (found.instances().stream().anyMatch(i -> user.id().equals(i.startedBy()))) {
            return true;
        }
        List<Object> params = new ArrayList<>();
        List<String> ids = found.instances().stream().map(CaseRow::processInstanceId).toList();
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        params.addAll(ids);
        params.addAll(ids);
        return holdsOrMayClaim("(t.PROC_INST_ID_ in (" + in + ") or t.ROOT_PROC_INST_ID_ in (" + in + "))", params,
                user);
    }

    /** Supervisors and managers work any task; others the tasks assigned to them or offered to them or their groups. */
    private boolean worksOn(Task task, CurrentUser user) {
        if (user.isSupervisorOrManager()) {
            return true;
        }
        List<Object> params = new ArrayList<>();
        params.add(task.getId());
        return holdsOrMayClaim("t.ID_ = ?", params, user);
    }

    private boolean holdsOrMayClaim(String which, List<Object> params, CurrentUser user) {
        // the engine's history of tasks knows the root instance of a called process's tasks; open ones have no end
        StringBuilder sql = new StringBuilder("select count(*) from ACT_HI_TASKINST t where t.END_TIME_ is null and ")
                .append(which)
                .append(" and (t.ASSIGNEE_ = ? or exists (select 1 from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_")
                .append(" and l.TYPE_ = 'candidate' and (l.USER_ID_ = ?");
        params.add(user.id());
        params.add(user.id());
        if (!user.groups().isEmpty()) {
            sql.append(" or l.GROUP_ID_ in (").append(String.join(",", Collections.nCopies(user.groups().size(), "?")))
                    .append(')');
            params.addAll(user.groups());
        }
        sql.append(")))");
        Long count = jdbc.queryForObject(sql.toString(), Long.class, params.toArray());
        return count != null && count > 0;
    }

    /** The open task (looked up by Kefu, not as the user); 409 when it was completed, 404 when it never existed. */
    private Task openTask(String taskId) {
        if (!CaseDirectory.wellFormedId(taskId)) {
            throw new NotFoundException("任务 " + taskId + " 不存在");
        }
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            return task;
        }
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done != null && done.getEndTime() != null) {
            throw new ConflictException("任务已完成");
        }
        throw new NotFoundException("任务 " + taskId + " 不存在");
    }

    /** The case a task belongs to: the root of its process instance (the case that called it, if any). */
    private Case caseOf(Task task, CurrentUser user) {
        if (task.getProcessInstanceId() == null) {
            throw new NotFoundException("任务 " + task.getId() + " 不属于任何案件");
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        String root = instance == null || instance.getRootProcessInstanceId() == null ? task.getProcessInstanceId()
                : instance.getRootProcessInstanceId();
        return readable(root, user);
    }

    private static String describe(Attachment attachment) {
        return attachment.fileName() + "(" + megabytes(attachment.size()) + ",SHA-256 "
                + attachment.sha256().substring(0, 12) + "…)";
    }

    private static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB"
                : String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
