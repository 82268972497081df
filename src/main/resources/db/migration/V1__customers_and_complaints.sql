-- Kefu's own tables. Portable SQL: runs on the embedded H2 and on MySQL 8 / MariaDB alike.
-- Camunda creates and upgrades its own ACT_* tables.

create table customer (
    id              bigint       not null auto_increment primary key,
    code            varchar(20),
    name            varchar(200) not null,
    type            varchar(20)  not null,
    tier            varchar(1)   not null,
    status          varchar(20)  not null,
    address         varchar(500),
    region          varchar(100),
    store_count     integer      not null,
    specialist      varchar(64),
    business_start  date,
    business_end    date,
    created_at      datetime(6)  not null,
    updated_at      datetime(6)  not null,
    version         bigint       not null,
    constraint uk_customer_code unique (code)
);
create index idx_customer_name on customer (name);
create index idx_customer_type_tier on customer (type, tier);
create index idx_customer_specialist on customer (specialist);

create table customer_contact (
    customer_id bigint       not null,
    position    integer      not null,
    name        varchar(100) not null,
    phone       varchar(30)  not null,
    title       varchar(100),
    primary key (customer_id, position),
    constraint fk_contact_customer foreign key (customer_id) references customer (id)
);
create index idx_contact_phone on customer_contact (phone);

create table complaint (
    id                   bigint       not null auto_increment primary key,
    case_no              varchar(20),
    customer_id          bigint       not null,
    complainant_name     varchar(100) not null,
    complainant_phone    varchar(30)  not null,
    channel              varchar(20)  not null,
    category             varchar(30)  not null,
    severity             varchar(20)  not null,
    description          text         not null,
    customer_request     text,
    complained_employee  varchar(64),
    owner_id             varchar(64)  not null,
    status               varchar(30)  not null,
    priority             varchar(10),
    response_hours       integer,
    resolution_hours     integer,
    notify_manager       boolean      not null,
    manager_approval     boolean      not null,
    response_due         datetime(6),
    resolution_due       datetime(6),
    return_visit_due     datetime(6),
    responded_at         datetime(6),
    resolved_at          datetime(6),
    closed_at            datetime(6),
    repeat_complaint     boolean      not null,
    repeat_reason        varchar(500),
    valid                boolean,
    validity_reason      text,
    invalid_reply        text,
    department           varchar(30),
    cause_type           varchar(30),
    findings             text,
    responsible_person   varchar(100),
    solution_option1     text,
    solution_option2     text,
    solution_option3     text,
    chosen_option        integer,
    implementation_notes text,
    penalties            text,
    customer_accepted    boolean,
    acceptance_method    varchar(30),
    acceptance_reference varchar(200),
    satisfaction         varchar(20),
    visit_remarks        text,
    reopen_count         integer      not null,
    root_cause           text,
    preventive_measures  text,
    closing_category     varchar(30),
    closing_summary      text,
    process_instance_id  varchar(64),
    created_at           datetime(6)  not null,
    updated_at           datetime(6)  not null,
    version              bigint       not null,
    constraint uk_complaint_case_no unique (case_no),
    constraint fk_complaint_customer foreign key (customer_id) references customer (id)
);
-- repeat detection (same customer and category in a window), statistics by category and month, work lists
create index idx_complaint_customer_category on complaint (customer_id, category, created_at);
create index idx_complaint_category_created on complaint (category, created_at);
create index idx_complaint_status on complaint (status, created_at);
create index idx_complaint_owner on complaint (owner_id, status);
create index idx_complaint_department on complaint (department, status);
create index idx_complaint_created on complaint (created_at);

create table complaint_breach (
    complaint_id bigint      not null,
    position     integer     not null,
    type         varchar(20) not null,
    deadline     datetime(6) not null,
    detected_at  datetime(6) not null,
    primary key (complaint_id, position),
    constraint fk_breach_complaint foreign key (complaint_id) references complaint (id)
);
create index idx_breach_type_detected on complaint_breach (type, detected_at);

create table complaint_note (
    complaint_id bigint      not null,
    position     integer     not null,
    kind         varchar(40) not null,
    author       varchar(64) not null,
    text         text        not null,
    created_at   datetime(6) not null,
    primary key (complaint_id, position),
    constraint fk_note_complaint foreign key (complaint_id) references complaint (id)
);

-- Hibernate Envers: every change of a customer or complaint, field by field, with who and when
create table revinfo (
    rev      bigint      not null auto_increment primary key,
    revtstmp bigint      not null,
    username varchar(64)
);

create table customer_aud (
    id             bigint  not null,
    rev            bigint  not null,
    revtype        tinyint,
    code           varchar(20),
    name           varchar(200),
    type           varchar(20),
    tier           varchar(1),
    status         varchar(20),
    address        varchar(500),
    region         varchar(100),
    store_count    integer,
    specialist     varchar(64),
    business_start date,
    business_end   date,
    created_at     datetime(6),
    updated_at     datetime(6),
    primary key (rev, id),
    constraint fk_customer_aud_rev foreign key (rev) references revinfo (rev)
);

create table customer_contact_aud (
    rev         bigint  not null,
    revtype     tinyint not null,
    customer_id bigint  not null,
    position    integer not null,
    name        varchar(100),
    phone       varchar(30),
    title       varchar(100),
    primary key (rev, revtype, customer_id, position),
    constraint fk_contact_aud_rev foreign key (rev) references revinfo (rev)
);

create table complaint_aud (
    id                   bigint not null,
    rev                  bigint not null,
    revtype              tinyint,
    case_no              varchar(20),
    customer_id          bigint,
    complainant_name     varchar(100),
    complainant_phone    varchar(30),
    channel              varchar(20),
    category             varchar(30),
    severity             varchar(20),
    description          text,
    customer_request     text,
    complained_employee  varchar(64),
    owner_id             varchar(64),
    status               varchar(30),
    priority             varchar(10),
    response_hours       integer,
    resolution_hours     integer,
    notify_manager       boolean,
    manager_approval     boolean,
    response_due         datetime(6),
    resolution_due       datetime(6),
    return_visit_due     datetime(6),
    responded_at         datetime(6),
    resolved_at          datetime(6),
    closed_at            datetime(6),
    repeat_complaint     boolean,
    repeat_reason        varchar(500),
    valid                boolean,
    validity_reason      text,
    invalid_reply        text,
    department           varchar(30),
    cause_type           varchar(30),
    findings             text,
    responsible_person   varchar(100),
    solution_option1     text,
    solution_option2     text,
    solution_option3     text,
    chosen_option        integer,
    implementation_notes text,
    penalties            text,
    customer_accepted    boolean,
    acceptance_method    varchar(30),
    acceptance_reference varchar(200),
    satisfaction         varchar(20),
    visit_remarks        text,
    reopen_count         integer,
    root_cause           text,
    preventive_measures  text,
    closing_category     varchar(30),
    closing_summary      text,
    process_instance_id  varchar(64),
    created_at           datetime(6),
    updated_at           datetime(6),
    primary key (rev, id),
    constraint fk_complaint_aud_rev foreign key (rev) references revinfo (rev)
);

create table complaint_breach_aud (
    rev          bigint  not null,
    revtype      tinyint not null,
    complaint_id bigint  not null,
    position     integer not null,
    type         varchar(20),
    deadline     datetime(6),
    detected_at  datetime(6),
    primary key (rev, revtype, complaint_id, position),
    constraint fk_breach_aud_rev foreign key (rev) references revinfo (rev)
);

create table complaint_note_aud (
    rev          bigint  not null,
    revtype      tinyint not null,
    complaint_id bigint  not null,
    position     integer not null,
    kind         varchar(40),
    author       varchar(64),
    text         text,
    created_at   datetime(6),
    primary key (rev, revtype, complaint_id, position),
    constraint fk_note_aud_rev foreign key (rev) references revinfo (rev)
);
