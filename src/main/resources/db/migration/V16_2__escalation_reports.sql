-- 请示报告 (P2): a matter raised upward, level by level (主管 → 经理 → 总监) or, in an emergency, straight to the level
-- that decides (越级) with an after-report to the levels skipped; each level's instruction is kept. A leak (失泄密) also
-- opens a confidentiality-breach record.

create table escalation_report (
    id                  bigint       not null auto_increment primary key,
    report_no           varchar(20),
    trigger_kind        varchar(20)  not null,
    subject             varchar(100) not null,
    details             text         not null,
    related_case        varchar(64),
    urgent              boolean      not null,
    reporter            varchar(64)  not null,
    reporter_level      varchar(20)  not null,
    deciding_level      varchar(20),
    current_level       varchar(20),
    status              varchar(20)  not null,
    decided_by          varchar(64),
    decided_level       varchar(20),
    decided_at          datetime(6),
    decision            text,
    after_report        text,
    after_reported_at   datetime(6),
    raised_at           datetime(6)  not null,
    closed_at           datetime(6),
    process_instance_id varchar(64),
    version             bigint       not null,
    constraint uk_escalation_report_no unique (report_no)
);
create index idx_escalation_report_reporter on escalation_report (reporter, status);
create index idx_escalation_report_process on escalation_report (process_instance_id);

create table escalation_report_aud (
    id                  bigint not null,
    rev                 bigint not null,
    revtype             tinyint,
    report_no           varchar(20),
    trigger_kind        varchar(20),
    subject             varchar(100),
    details             text,
    related_case        varchar(64),
    urgent              boolean,
    reporter            varchar(64),
    reporter_level      varchar(20),
    deciding_level      varchar(20),
    current_level       varchar(20),
    status              varchar(20),
    decided_by          varchar(64),
    decided_level       varchar(20),
    decided_at          datetime(6),
    decision            text,
    after_report        text,
    after_reported_at   datetime(6),
    raised_at           datetime(6),
    closed_at           datetime(6),
    process_instance_id varchar(64),
    primary key (rev, id),
    constraint fk_escalation_report_aud_rev foreign key (rev) references revinfo (rev)
);

-- each level's instruction (批示), in order; an acknowledgement of an after-report by a skipped level too
create table escalation_instruction (
    id              bigint       not null auto_increment primary key,
    report_id       bigint       not null,
    level           varchar(20)  not null,
    kind            varchar(20)  not null,
    given_by        varchar(64)  not null,
    given_at        datetime(6)  not null,
    instruction     text         not null,
    constraint fk_escalation_instruction_report foreign key (report_id) references escalation_report (id)
);
create index idx_escalation_instruction_report on escalation_instruction (report_id, id);

-- 失泄密事件登记: opened with the report, handled when the report is decided
create table confidentiality_breach (
    id              bigint       not null auto_increment primary key,
    report_id       bigint       not null,
    opened_at       datetime(6)  not null,
    opened_by       varchar(64)  not null,
    status          varchar(20)  not null,
    measures        text,
    handled_by      varchar(64),
    handled_at      datetime(6),
    constraint uk_confidentiality_breach_report unique (report_id),
    constraint fk_confidentiality_breach_report foreign key (report_id) references escalation_report (id)
);
