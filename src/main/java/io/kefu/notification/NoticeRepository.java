package io.kefu.notification;

import java.util.List;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface NoticeRepository extends JpaRepository<Notice, Long>, JpaSpecificationExecutor<Notice> {

    List<Notice> findByJobIdOrderById(String jobId);

    @Query("select n from Notice n, NoticeDelivery d where d.processInstanceId = :processInstanceId and n.id = d.noticeId")
    Optional<Notice> findByDeliveryProcess(@Param("processInstanceId") String processInstanceId);
}
