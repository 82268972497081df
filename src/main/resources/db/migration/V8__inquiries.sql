-- Hotline, online and walk-in inquiries (P3) and the monthly 热线招商加盟咨询统计 (R6).

create table inquiry (
    id            bigint       not null auto_increment primary key,
    received_at   datetime(6)  not null,
    received_on   date         not null,
    channel       varchar(20)  not null,
    category      varchar(20)  not null,
    caller_name   varchar(100) not null,
    caller_phone  varchar(30),
    region        varchar(100),
    customer_id   bigint,
    summary       text         not null,
    outcome       varchar(20)  not null,
    department    varchar(30),
    taken_by      varchar(64)  not null,
    created_at    datetime(6)  not null,
    version       bigint       not null,
    constraint fk_inquiry_customer foreign key (customer_id) references customer (id)
);
-- the report: every figure is a group by over a range of days; these cover its queries without reading rows
create index idx_inquiry_report on inquiry (received_on, category, channel, outcome);
create index idx_inquiry_region on inquiry (received_on, region);
-- the list: an agent's own inquiries, newest first; searches by category or outcome over a period
create index idx_inquiry_taken_by on inquiry (taken_by, received_on);
create index idx_inquiry_category on inquiry (category, received_on);
create index idx_inquiry_outcome on inquiry (outcome, received_on);
create index idx_inquiry_customer on inquiry (customer_id);

create table inquiry_aud (
    id            bigint not null,
    rev           bigint not null,
    revtype       tinyint,
    received_at   datetime(6),
    received_on   date,
    channel       varchar(20),
    category      varchar(20),
    caller_name   varchar(100),
    caller_phone  varchar(30),
    region        varchar(100),
    customer_id   bigint,
    summary       text,
    outcome       varchar(20),
    department    varchar(30),
    taken_by      varchar(64),
    created_at    datetime(6),
    primary key (rev, id),
    constraint fk_inquiry_aud_rev foreign key (rev) references revinfo (rev)
);
