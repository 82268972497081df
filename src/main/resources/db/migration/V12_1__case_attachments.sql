-- Evidence on a case (签字单, 收据照片, 通话录音, 信函, 邮件): the file itself is kept here, in Kefu's own database, so
-- that a case and its proof are backed up, replicated and retained together. Rows are never deleted (auditability).
-- longblob: MySQL's blob holds only 64 KB; H2 reads longblob as its binary large object. The size limit is Kefu's
-- (kefu.attachments.max-size, 10 MB by default), below the default max_allowed_packet (MySQL 8: 64 MB, MariaDB: 16 MB).
create table case_attachment (
    id                  bigint        not null auto_increment primary key,
    case_key            varchar(64)   not null,
    process_instance_id varchar(64)   not null,
    task_id             varchar(64),
    task_name           varchar(255),
    file_name           varchar(255)  not null,
    content_type        varchar(100)  not null,
    size_bytes          bigint        not null,
    sha256              char(64)      not null,
    uploaded_by         varchar(64)   not null,
    uploaded_at         datetime(6)   not null,
    content             longblob      not null
);
create index idx_attachment_case on case_attachment (case_key, id);
create index idx_attachment_task on case_attachment (task_id);
