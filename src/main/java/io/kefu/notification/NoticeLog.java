package io.kefu.notification;

import jakarta.persistence.EntityManager;
import io.kefu.shared.time.WorkingHours;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice records as delivery goes, each change in a transaction of its own: a send job that fails is rolled back
 * by the engine, but the notice, its attempts and its last error stay; and a notice once sent stays SENT, so a retry of
 * the same job (because something after the send failed) never sends it again.
 */
@Component
class NoticeLog {

    private final NoticeRepository notices;
    private final WorkingHours hours;
    private final EntityManager entityManager;

    NoticeLog(NoticeRepository notices, WorkingHours hours, EntityManager entityManager) {
        this.notices = notices;
        this.hours = hours;
        this.entityManager = entityManager;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    List<Notice> recordForJob(List<Notice> made) {
        return made.stream().map(this::save).toList();
    }

    /** Records a notice in the caller's transaction: if the caller rolls back, there was no notice. */
    @Transactional(propagation = Propagation.MANDATORY)
    Notice record(Notice notice) {
        return save(notice);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    List<Notice> ofJob(String jobId) {
        return notices.findByJobIdOrderById(jobId);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Notice sent(long id) {
        Notice notice = load(id);
        notice.sent();
        return notice;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Notice failed(long id, String error) {
        Notice notice = load(id);
        notice.failed(error);
        return notice;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Notice channelOff(long id) {
        Notice notice = load(id);
        notice.channelOff();
        return notice;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    Notice find(long id) {
        return load(id);
    }

    /** Binds a notice-delivery instance to the notice it delivers, with the notice (in the caller's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    void deliveredBy(String processInstanceId, Notice notice) {
        entityManager.persist(new NoticeDelivery(processInstanceId, notice.getId()));
    }

    /** The notice a notice-delivery instance delivers, as Kefu bound it when starting the instance. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    Notice deliveredBy(String processInstanceId) {
        return notices.findByDeliveryProcess(processInstanceId).orElseThrow(() -> new NoticeFailure(
                "通知发送流程 " + processInstanceId + " 未关联任何通知"));
    }

    private Notice load(long id) {
        return notices.findById(id).orElseThrow(() -> new NoticeFailure("通知 " + id + " 不存在"));
    }

    private Notice save(Notice notice) {
        Notice saved = notices.saveAndFlush(notice);
        saved.numberFromId(hours.zone());
        return saved;
    }
}
