-- Visits and surveys (回访与调查): scheduled return visits, satisfaction-survey campaigns, store-opening surveys and
-- delivery follow-ups. Portable SQL for H2 and MySQL 8 / MariaDB.

-- One row per customer whose visit schedule runs: started when the customer is onboarded, ended on termination.
create table visit_schedule (
    id           bigint       not null auto_increment primary key,
    customer_id  bigint       not null,
    anchor_date  date         not null,
    active       boolean      not null,
    ended_at     datetime(6),
    end_reason   varchar(500),
    created_at   datetime(6)  not null,
    version      bigint       not null,
    constraint uk_visit_schedule_customer unique (customer_id),
    constraint fk_visit_schedule_customer foreign key (customer_id) references customer (id)
);

-- A satisfaction-survey campaign (满意度调查) over a chosen set of customers.
create table visit_campaign (
    id             bigint       not null auto_increment primary key,
    name           varchar(200) not null,
    selection      varchar(1000) not null,
    created_by     varchar(64)  not null,
    created_at     datetime(6)  not null,
    due_date       date         not null,
    version        bigint       not null
);

-- 回访记录表: one row per visit or survey of one customer, whatever its kind.
create table visit (
    id                   bigint       not null auto_increment primary key,
    visit_no             varchar(20),
    customer_id          bigint       not null,
    kind                 varchar(20)  not null,
    visitor_role         varchar(30)  not null,
    plan_key             varchar(120) not null,
    mode                 varchar(10)  not null,
    visitor_id           varchar(64),
    visitor_group        varchar(64),
    account_manager      varchar(64),
    plan_approval        boolean      not null,
    occasion             varchar(100),
    campaign_id          bigint,
    order_no             varchar(64),
    delivered_on         date,
    consignee            varchar(100),
    status               varchar(20)  not null,
    due_date             date         not null,
    deadline             datetime(6)  not null,
    appointment_at       datetime(6),
    reschedule_count     integer      not null,
    plan_route           text,
    plan_purpose         text,
    plan_time            datetime(6),
    plan_status          varchar(20),
    channel              varchar(20),
    satisfaction         varchar(20),
    improvement          text,
    suggestions          text,
    remarks              text,
    answers              text,
    next_meeting         date,
    complaint_category   varchar(30),
    complaint_text       text,
    complaint_id         bigint,
    matter_department    varchar(30),
    matter_text          text,
    matter_status        varchar(20),
    matter_resolution    text,
    matter_closed_at     datetime(6),
    matter_closed_by     varchar(64),
    overdue              boolean      not null,
    completed_at         datetime(6),
    completed_by         varchar(64),
    cancelled_at         datetime(6),
    cancel_reason        varchar(500),
    process_instance_id  varchar(64),
    created_at           datetime(6)  not null,
    updated_at           datetime(6)  not null,
    version              bigint       not null,
    -- a repeated planning run, a second node or a redelivered event never plans the same visit twice
    constraint uk_visit_plan_key unique (customer_id, plan_key),
    constraint uk_visit_no unique (visit_no),
    constraint fk_visit_customer foreign key (customer_id) references customer (id),
    constraint fk_visit_campaign foreign key (campaign_id) references visit_campaign (id)
);
create index idx_visit_customer_role on visit (customer_id, visitor_role, due_date);
create index idx_visit_status_deadline on visit (status, deadline);
create index idx_visit_due on visit (due_date);
create index idx_visit_visitor on visit (visitor_id, status);
create index idx_visit_campaign on visit (campaign_id);
create index idx_visit_complaint on visit (complaint_id);

create table visit_note (
    visit_id    bigint      not null,
    position    integer     not null,
    kind        varchar(40) not null,
    author      varchar(64) not null,
    text        text        not null,
    created_at  datetime(6) not null,
    primary key (visit_id, position),
    constraint fk_visit_note_visit foreign key (visit_id) references visit (id)
);

create table visit_aud (
    id                   bigint not null,
    rev                  bigint not null,
    revtype              tinyint,
    visit_no             varchar(20),
    customer_id          bigint,
    kind                 varchar(20),
    visitor_role         varchar(30),
    plan_key             varchar(120),
    mode                 varchar(10),
    visitor_id           varchar(64),
    visitor_group        varchar(64),
    account_manager      varchar(64),
    plan_approval        boolean,
    occasion             varchar(100),
    campaign_id          bigint,
    order_no             varchar(64),
    delivered_on         date,
    consignee            varchar(100),
    status               varchar(20),
    due_date             date,
    deadline             datetime(6),
    appointment_at       datetime(6),
    reschedule_count     integer,
    plan_route           text,
    plan_purpose         text,
    plan_time            datetime(6),
    plan_status          varchar(20),
    channel              varchar(20),
    satisfaction         varchar(20),
    improvement          text,
    suggestions          text,
    remarks              text,
    answers              text,
    next_meeting         date,
    complaint_category   varchar(30),
    complaint_text       text,
    complaint_id         bigint,
    matter_department    varchar(30),
    matter_text          text,
    matter_status        varchar(20),
    matter_resolution    text,
    matter_closed_at     datetime(6),
    matter_closed_by     varchar(64),
    overdue              boolean,
    completed_at         datetime(6),
    completed_by         varchar(64),
    cancelled_at         datetime(6),
    cancel_reason        varchar(500),
    process_instance_id  varchar(64),
    created_at           datetime(6),
    updated_at           datetime(6),
    primary key (rev, id),
    constraint fk_visit_aud_rev foreign key (rev) references revinfo (rev)
);

create table visit_note_aud (
    rev          bigint  not null,
    revtype      tinyint not null,
    visit_id     bigint  not null,
    position     integer not null,
    kind         varchar(40),
    author       varchar(64),
    text         text,
    created_at   datetime(6),
    primary key (rev, revtype, visit_id, position),
    constraint fk_visit_note_aud_rev foreign key (rev) references revinfo (rev)
);
