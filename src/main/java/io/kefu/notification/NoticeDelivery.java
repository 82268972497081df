package io.kefu.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Which notice a {@code notice-delivery} process instance delivers: Kefu's own binding, written when it starts the
 * instance (a resend starts another), so the delivery job never takes the notice from a process variable.
 */
@Entity
@Table(name = "notice_delivery")
class NoticeDelivery {

    @Id
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "notice_id", nullable = false)
    private Long noticeId;

    protected NoticeDelivery() {
    }

    NoticeDelivery(String processInstanceId, Long noticeId) {
        this.processInstanceId = processInstanceId;
        this.noticeId = noticeId;
    }
}
