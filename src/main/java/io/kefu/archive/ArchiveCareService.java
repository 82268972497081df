package io.kefu.archive;

import static io.kefu.shared.FieldErrors.failOn;
import io.kefu.archive.ArchiveDestruction.Appraisal;
import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.kefu.archive.process.ArchiveDestructionProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Care of the archive: the semi-annual inspections (每半年检查) and the destruction of expired files (销毁). */
@Service
@Transactional
public class ArchiveCareService {

    private final ZoneId zone;
    private final ArchiveInspectionRepository inspections;
    private final ArchiveDestructionRepository destructions;
    private final ArchiveEntryRepository entries;
    private final ArchiveLoanRepository loans;
    private final ArchiveSettings settings;
    private final RuntimeService runtimeService;

    ArchiveCareService(ArchiveInspectionRepository inspections, ArchiveDestructionRepository destructions,
            ArchiveEntryRepository entries, ArchiveLoanRepository loans, ArchiveSettings settings,
            RuntimeService runtimeService, ZoneId zone) {
        this.runtimeService = runtimeService;
        this.zone = zone;
        this.inspections = inspections;
        this.destructions = destructions;
        this.entries = entries;
        this.loans = loans;
        this.settings = settings;
    }

    // ---- inspections ---------------------------------------------------------------------------------------------

    public ArchiveInspection scheduleInspection(String processInstanceId) {
        return inspections.save(new ArchiveInspection(processInstanceId));
    }

    /** When the keeper must have finished the inspection that starts now. */
    public Instant inspectionDue() {
        return Now.instant().plus(java.time.Duration.ofDays(settings.inspectionDays()));
    }

    public void recordInspection(long inspectionId, LocalDate inspectedOn, String inspector, String findings,
            String damagedFiles, String missingFiles, String actions) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (inspectedOn == null) {
            errors.put("inspectedOn", "请填写检查日期");
        } else if (inspectedOn.isAfter(LocalDate.ofInstant(Now.instant(), zone))) {
            errors.put("inspectedOn", "检查日期不能晚于今天");
        }
        if (findings == null || findings.isBlank()) {
            errors.put("findings", "请填写检查情况(防火、防潮、防虫、防盗等)");
        }
        boolean problems = notBlank(damagedFiles) || notBlank(missingFiles);
        if (problems && !notBlank(actions)) {
            errors.put("actions", "有破损或缺失的档案时,请填写处理措施");
        }
        failOn(errors);
        findInspection(inspectionId).record(inspectedOn, inspector, findings.trim(), trimmed(damagedFiles),
                trimmed(missingFiles), trimmed(actions));
    }

    /** The inspection Kefu bound to this process instance (the one its task records), if any. */
    @Transactional(readOnly = true)
    public Optional<ArchiveInspection> inspectionForProcessInstance(String processInstanceId) {
        return inspections.findByProcessInstanceId(processInstanceId);
    }

    /** The destruction Kefu bound to this process instance (the one its tasks decide), if any. */
    @Transactional(readOnly = true)
    public Optional<ArchiveDestruction> destructionForProcessInstance(String processInstanceId) {
        return destructions.findByProcessInstanceId(processInstanceId);
    }

    @Transactional(readOnly = true)
    public ArchiveInspection findInspection(long id) {
        return inspections.findById(id).orElseThrow(() -> new NotFoundException("检查记录 " + id + " 不存在"));
    }

    @Transactional(readOnly = true)
    public List<ArchiveInspection> recentInspections() {
        return inspections.findTop20ByOrderByIdDesc();
    }

    // ---- destruction ---------------------------------------------------------------------------------------------

    /** The keeper registers an expired file for destruction; it is set apart (待销毁) until the case ends. */
    public ArchiveDestruction registerDestruction(String archiveNo, String reason, String keeper) {
        Map<String, String> errors = new LinkedHashMap<>();
        ArchiveEntry entry = null;
        if (archiveNo == null || archiveNo.isBlank()) {
            errors.put("archiveNo", "请填写档案编号");
        } else {
            entry = entries.findOne((root, q, cb) -> cb.equal(root.get("archiveNo"), archiveNo.trim().toUpperCase()))
                    .orElse(null);
            if (entry == null) {
                errors.put("archiveNo", "档案编号 " + archiveNo.trim() + " 不存在");
            }
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "请填写销毁理由(保管期限已满等)");
        }
        failOn(errors);
        if (entry.getStatus() == ArchiveStatus.ON_LOAN
                || loans.countByEntryAndStatus(entry.getId(), ArchiveLoanService.OPEN) > 0) {
            throw new ConflictException("档案 " + entry.getArchiveNo() + " 有未结束的借阅,归还后才能登记销毁");
        }
        if (entry.getStatus() == ArchiveStatus.PENDING_DESTRUCTION || entry.isDestroyed()) {
            throw new ConflictException("档案 " + entry.getArchiveNo() + " 已在销毁程序中或已销毁");
        }
        return destructions.saveAndFlush(new ArchiveDestruction(entry, reason.trim(), keeper));
    }

    /** A destruction registered through Kefu's API: its archive-destruction case starts. */
    public ArchiveDestruction openDestruction(String archiveNo, String reason, String keeper) {
        ArchiveDestruction destruction = registerDestruction(archiveNo, reason, keeper);
        runtimeService.startProcessInstanceByKey(ArchiveDestructionProcess.KEY,
                Map.of(ArchiveDestructionProcess.DESTRUCTION_ID, destruction.getId()));
        return destruction;
    }

    public void linkDestructionProcess(long id, String processInstanceId) {
        findDestruction(id).linkProcess(processInstanceId);
    }

    public void appraise(long id, boolean asManager, Appraisal appraisal, String appraiser, String note) {
        if (appraisal == null) {
            throw InvalidInputException.of("appraisal", "请选择鉴定意见");
        }
        if (appraisal == Appraisal.RETAIN && !notBlank(note)) {
            throw InvalidInputException.of("appraisalNote", "认为仍需保留时请说明保留价值");
        }
        ArchiveDestruction destruction = findDestruction(id);
        if (asManager) {
            destruction.appraiseAsManager(appraisal, appraiser, trimmed(note));
        } else {
            destruction.appraiseAsDepartment(appraisal, appraiser, trimmed(note));
        }
    }

    /** Both appraisals in; true when both find the file without value, and the director decides. */
    public boolean concludeAppraisal(long id) {
        return findDestruction(id).concludeAppraisal();
    }

    /** The director's decision; approved, the file is kept apart for the hold, and the hold's end is returned. */
    public Instant decideDestruction(long id, boolean approved, String director, String note) {
        if (!approved && !notBlank(note)) {
            throw InvalidInputException.of("directorNote", "不批准销毁时请说明理由");
        }
        ArchiveDestruction destruction = findDestruction(id);
        destruction.decide(approved, director, trimmed(note), settings.destructionHold(), zone);
        return destruction.getHoldUntil();
    }

    /** Destroyed at a designated place under the supervisor, who signs the 销毁登记表. */
    public void destroy(long id, String supervisor, String destroyedBy, String witness, String place) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!notBlank(destroyedBy)) {
            errors.put("destroyedBy", "请填写销毁人");
        }
        if (!notBlank(witness)) {
            errors.put("witness", "请填写见证人");
        } else if (witness.trim().equals(supervisor)) {
            errors.put("witness", "见证人不能是监销人本人");
        }
        if (!notBlank(place)) {
            errors.put("place", "请填写销毁地点");
        }
        failOn(errors);
        findDestruction(id).destroy(destroyedBy.trim(), supervisor, witness.trim(), place.trim());
    }

    @Transactional(readOnly = true)
    public ArchiveDestruction findDestruction(long id) {
        return destructions.findById(id).orElseThrow(() -> new NotFoundException("销毁记录 " + id + " 不存在"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String trimmed(String value) {
        return notBlank(value) ? value.trim() : null;
    }
}
