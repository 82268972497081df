-- The customer and contract archive (客户档案): the electronic catalogue (电子目录), the loan register (借阅登记册),
-- the semi-annual inspections (每半年检查) and destructions (销毁登记表). Nothing here is ever deleted.
-- contract_id has no foreign key: the contract table belongs to the contract feature.

create table archive_entry (
    id             bigint       not null auto_increment primary key,
    archive_no     varchar(20),
    title          varchar(200) not null,
    kind           varchar(20)  not null,
    contract_id    bigint,
    customer_id    bigint,
    location       varchar(200) not null,
    originals      integer      not null,
    copies         integer      not null,
    secrecy        varchar(20)  not null,
    status         varchar(30)  not null,
    department     varchar(30),
    filed_by       varchar(64)  not null,
    filed_at       datetime(6)  not null,
    terminated_at  datetime(6),
    destroyed_at   datetime(6),
    updated_at     datetime(6)  not null,
    version        bigint       not null,
    constraint uk_archive_entry_no unique (archive_no),
    constraint fk_archive_entry_customer foreign key (customer_id) references customer (id)
);
create index idx_archive_entry_customer on archive_entry (customer_id, status);
create index idx_archive_entry_contract on archive_entry (contract_id);
create index idx_archive_entry_status on archive_entry (status, secrecy);
create index idx_archive_entry_title on archive_entry (title);
create index idx_archive_entry_location on archive_entry (location);

create table archive_loan (
    id                  bigint       not null auto_increment primary key,
    loan_no             varchar(20),
    entry_id            bigint       not null,
    borrower            varchar(64)  not null,
    borrower_department varchar(30),
    loan_kind           varchar(30)  not null,
    pieces              integer      not null,
    purpose             text         not null,
    status              varchar(20)  not null,
    requested_at        datetime(6)  not null,
    max_days            integer,
    approver_group      varchar(64),
    signed_request_ref  varchar(200),
    decided_by          varchar(64),
    decided_at          datetime(6),
    decision_note       text,
    lent_by             varchar(64),
    lent_at             datetime(6),
    due_at              datetime(6),
    reminders           integer      not null,
    last_reminded_at    datetime(6),
    escalated_at        datetime(6),
    supervision_note    text,
    returned_to         varchar(64),
    returned_at         datetime(6),
    return_condition    varchar(20),
    return_note         text,
    process_instance_id varchar(64),
    updated_at          datetime(6)  not null,
    version             bigint       not null,
    constraint uk_archive_loan_no unique (loan_no),
    constraint fk_archive_loan_entry foreign key (entry_id) references archive_entry (id)
);
create index idx_archive_loan_entry on archive_loan (entry_id, status);
create index idx_archive_loan_borrower on archive_loan (borrower, status);
create index idx_archive_loan_status_due on archive_loan (status, due_at);

-- reading a 机密 file in the archive room instead of a loan (只能在档案室内查阅)
create table archive_reading (
    id         bigint      not null auto_increment primary key,
    entry_id   bigint      not null,
    reader     varchar(64) not null,
    purpose    text        not null,
    recorded_at datetime(6) not null,
    recorded_by varchar(64) not null,
    constraint fk_archive_reading_entry foreign key (entry_id) references archive_entry (id)
);
create index idx_archive_reading_entry on archive_reading (entry_id);

create table archive_inspection (
    id                  bigint      not null auto_increment primary key,
    scheduled_at        datetime(6) not null,
    inspected_on        date,
    inspector           varchar(64),
    findings            text,
    damaged_files       text,
    missing_files       text,
    actions             text,
    completed_at        datetime(6),
    process_instance_id varchar(64)
);
create index idx_archive_inspection_scheduled on archive_inspection (scheduled_at);

create table archive_destruction (
    id                    bigint      not null auto_increment primary key,
    entry_id              bigint      not null,
    status                varchar(30) not null,
    reason                text        not null,
    registered_by         varchar(64) not null,
    registered_at         datetime(6) not null,
    manager_appraisal     varchar(20),
    manager_appraiser     varchar(64),
    manager_note          text,
    department_appraisal  varchar(20),
    department_appraiser  varchar(64),
    department_note       text,
    director_decision     varchar(20),
    director              varchar(64),
    director_note         text,
    decided_at            datetime(6),
    hold_until            datetime(6),
    destroyed_by          varchar(64),
    supervisor            varchar(64),
    witness               varchar(100),
    destroyed_at          datetime(6),
    place                 varchar(200),
    process_instance_id   varchar(64),
    updated_at            datetime(6) not null,
    version               bigint      not null,
    constraint fk_archive_destruction_entry foreign key (entry_id) references archive_entry (id)
);
create index idx_archive_destruction_entry on archive_destruction (entry_id, status);

-- Envers: every change of a catalogue entry and of a loan, with who and when
create table archive_entry_aud (
    id             bigint not null,
    rev            bigint not null,
    revtype        tinyint,
    archive_no     varchar(20),
    title          varchar(200),
    kind           varchar(20),
    contract_id    bigint,
    customer_id    bigint,
    location       varchar(200),
    originals      integer,
    copies         integer,
    secrecy        varchar(20),
    status         varchar(30),
    department     varchar(30),
    filed_by       varchar(64),
    filed_at       datetime(6),
    terminated_at  datetime(6),
    destroyed_at   datetime(6),
    updated_at     datetime(6),
    primary key (rev, id),
    constraint fk_archive_entry_aud_rev foreign key (rev) references revinfo (rev)
);

create table archive_loan_aud (
    id                  bigint not null,
    rev                 bigint not null,
    revtype             tinyint,
    loan_no             varchar(20),
    entry_id            bigint,
    borrower            varchar(64),
    borrower_department varchar(30),
    loan_kind           varchar(30),
    pieces              integer,
    purpose             text,
    status              varchar(20),
    requested_at        datetime(6),
    max_days            integer,
    approver_group      varchar(64),
    signed_request_ref  varchar(200),
    decided_by          varchar(64),
    decided_at          datetime(6),
    decision_note       text,
    lent_by             varchar(64),
    lent_at             datetime(6),
    due_at              datetime(6),
    reminders           integer,
    last_reminded_at    datetime(6),
    escalated_at        datetime(6),
    supervision_note    text,
    returned_to         varchar(64),
    returned_at         datetime(6),
    return_condition    varchar(20),
    return_note         text,
    process_instance_id varchar(64),
    updated_at          datetime(6),
    primary key (rev, id),
    constraint fk_archive_loan_aud_rev foreign key (rev) references revinfo (rev)
);

create table archive_destruction_aud (
    id                    bigint not null,
    rev                   bigint not null,
    revtype               tinyint,
    entry_id              bigint,
    status                varchar(30),
    reason                text,
    registered_by         varchar(64),
    registered_at         datetime(6),
    manager_appraisal     varchar(20),
    manager_appraiser     varchar(64),
    manager_note          text,
    department_appraisal  varchar(20),
    department_appraiser  varchar(64),
    department_note       text,
    director_decision     varchar(20),
    director              varchar(64),
    director_note         text,
    decided_at            datetime(6),
    hold_until            datetime(6),
    destroyed_by          varchar(64),
    supervisor            varchar(64),
    witness               varchar(100),
    destroyed_at          datetime(6),
    place                 varchar(200),
    process_instance_id   varchar(64),
    updated_at            datetime(6),
    primary key (rev, id),
    constraint fk_archive_destruction_aud_rev foreign key (rev) references revinfo (rev)
);
