-- 服务监督 (P17): the monthly 服务监督报告 (业务部 assesses 服务受理 and 主动维护 from the month's figures, the general
-- manager acknowledges it) and the weekly 每周服务状况报告 of each technical-service person. The figures are copied
-- from the reports when the report is compiled, so what was assessed stays as it was. No personal data.

create table supervision_report (
    id                   bigint       not null auto_increment primary key,
    report_no            varchar(100) not null,
    kind                 varchar(20)  not null,
    period_from          date         not null,
    period_to            date         not null,
    staff_id             varchar(64),
    status               varchar(20)  not null,
    complaints_received  bigint       not null,
    complaints_closed    bigint       not null,
    response_on_time     decimal(5,1),
    resolution_on_time   decimal(5,1),
    resolution_breaches  bigint       not null,
    inquiries            bigint       not null,
    inquiries_referred   bigint       not null,
    inquiries_to_cases   bigint       not null,
    visits_due           bigint       not null,
    visits_done          bigint       not null,
    visit_rate           decimal(5,1),
    work_orders          bigint       not null,
    dispatch_on_time     decimal(5,1),
    own_work_orders      bigint,
    own_visits_due       bigint,
    own_visits_on_time   bigint,
    own_on_time_rate     decimal(5,1),
    acceptance_grade     varchar(20),
    maintenance_grade    varchar(20),
    assessment           text,
    improvements         text,
    assessed_by          varchar(64),
    assessed_at          datetime(6),
    service_status       text,
    customer_feedback    text,
    submitted_at         datetime(6),
    acknowledged_by      varchar(64),
    acknowledged_at      datetime(6),
    manager_note         text,
    created_at           datetime(6)  not null,
    process_instance_id  varchar(64),
    version              bigint       not null,
    constraint uk_supervision_report_no unique (report_no)
);
create index idx_supervision_report_period on supervision_report (kind, period_from);
create index idx_supervision_report_process on supervision_report (process_instance_id);
