-- Notifications (通知/公函): every notice Kefu sends, with its text, its delivery status and an archive number.
-- Portable SQL: runs on the embedded H2 and on MySQL 8 / MariaDB alike.

-- a customer's email address: notices go there when there is one, otherwise as SMS to the first contact's mobile
alter table customer add column email varchar(200);
alter table customer_aud add column email varchar(200);

create table notice (
    id                  bigint        not null auto_increment primary key,
    -- 归档编号, e.g. TZ2026-000123: given from the id once the notice is saved
    archive_no          varchar(30),
    template            varchar(100)  not null,
    channel             varchar(10)   not null,
    -- CUSTOMER or USER (a member of staff); recipient_ref is the customer's id or the Camunda user id
    recipient_type      varchar(10)   not null,
    recipient_ref       varchar(64)   not null,
    recipient_name      varchar(200),
    -- the email address or mobile number the notice went to
    address             varchar(200)  not null,
    customer_id         bigint,
    subject             varchar(300)  not null,
    body                text          not null,
    case_key            varchar(64),
    process_key         varchar(100),
    process_instance_id varchar(64),
    activity_id         varchar(100),
    -- the engine job that delivers the notice: a retry of the same job finds the notices it already made
    job_id              varchar(64),
    status              varchar(15)   not null,
    attempts            integer       not null,
    last_error          varchar(1000),
    created_at          datetime(6)   not null,
    updated_at          datetime(6)   not null,
    sent_at             datetime(6),
    version             bigint        not null,
    constraint uk_notice_archive_no unique (archive_no)
);
create index idx_notice_case_key on notice (case_key);
create index idx_notice_customer on notice (customer_id);
create index idx_notice_status_channel on notice (status, channel);
create index idx_notice_created_at on notice (created_at);
create index idx_notice_job on notice (job_id);
create index idx_notice_process_instance on notice (process_instance_id);
