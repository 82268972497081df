-- 个案 (P3): a hotline inquiry the agent could not answer on the call, passed to the responsible department, answered
-- back to the customer by the agent who took it (首问负责制), and taken to a leader when the customer does not accept.
-- 人物 and 联系方式 are personal data: they live here, never in the engine's variables or history.

create table phone_case (
    id                  bigint       not null auto_increment primary key,
    case_no             varchar(20),
    inquiry_id          bigint,
    customer_id         bigint,
    occurred_when       varchar(100) not null,
    place               varchar(200),
    person              varchar(100) not null,
    contact             varchar(200) not null,
    event               text         not null,
    department          varchar(30)  not null,
    owner_id            varchar(64)  not null,
    status              varchar(20)  not null,
    opened_at           datetime(6)  not null,
    resolution_due_at   datetime(6)  not null,
    solution            text,
    solved_by           varchar(64),
    solved_at           datetime(6),
    callback_due_at     datetime(6),
    callbacks           integer      not null,
    called_back_at      datetime(6),
    callback_note       text,
    leader_note         text,
    leader_by           varchar(64),
    breached_at         datetime(6),
    supervision_note    text,
    closed_at           datetime(6),
    process_instance_id varchar(64),
    version             bigint       not null,
    constraint uk_phone_case_no unique (case_no),
    constraint fk_phone_case_inquiry foreign key (inquiry_id) references inquiry (id),
    constraint fk_phone_case_customer foreign key (customer_id) references customer (id)
);
create index idx_phone_case_owner on phone_case (owner_id, status);
create index idx_phone_case_department on phone_case (department, status);
create index idx_phone_case_inquiry on phone_case (inquiry_id);
create index idx_phone_case_customer on phone_case (customer_id);
create index idx_phone_case_process on phone_case (process_instance_id);

create table phone_case_aud (
    id                  bigint not null,
    rev                 bigint not null,
    revtype             tinyint,
    case_no             varchar(20),
    inquiry_id          bigint,
    customer_id         bigint,
    occurred_when       varchar(100),
    place               varchar(200),
    person              varchar(100),
    contact             varchar(200),
    event               text,
    department          varchar(30),
    owner_id            varchar(64),
    status              varchar(20),
    opened_at           datetime(6),
    resolution_due_at   datetime(6),
    solution            text,
    solved_by           varchar(64),
    solved_at           datetime(6),
    callback_due_at     datetime(6),
    callbacks           integer,
    called_back_at      datetime(6),
    callback_note       text,
    leader_note         text,
    leader_by           varchar(64),
    breached_at         datetime(6),
    supervision_note    text,
    closed_at           datetime(6),
    process_instance_id varchar(64),
    primary key (rev, id),
    constraint fk_phone_case_aud_rev foreign key (rev) references revinfo (rev)
);
