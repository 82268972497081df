-- Every round of a complaint kept as its own record (issue 12): a 不满意 return visit opens the next round instead of
-- overwriting the first one's investigation, options, decision, implementation, acceptance and visit.
-- Portable SQL: runs on the embedded H2 and on MySQL 8 / MariaDB alike.

create table complaint_round (
    id                   bigint      not null auto_increment primary key,
    complaint_id         bigint      not null,
    round_no             integer     not null,
    opened_at            datetime(6) not null,
    department           varchar(30),
    cause_type           varchar(30),
    findings             text,
    responsible_person   varchar(100),
    investigated_by      varchar(64),
    investigated_at      datetime(6),
    solution_option1     text,
    solution_option2     text,
    solution_option3     text,
    proposed_by          varchar(64),
    proposed_at          datetime(6),
    chosen_option        integer,
    decision_instruction text,
    decided_by           varchar(64),
    decided_at           datetime(6),
    implementation_notes text,
    penalties            text,
    implemented_by       varchar(64),
    implemented_at       datetime(6),
    customer_accepted    boolean,
    acceptance_method    varchar(30),
    acceptance_reference varchar(200),
    confirmed_by         varchar(64),
    confirmed_at         datetime(6),
    satisfaction         varchar(20),
    visit_remarks        text,
    visited_by           varchar(64),
    visited_at           datetime(6),
    notes_before         integer,
    version              bigint      not null,
    constraint uk_complaint_round unique (complaint_id, round_no),
    constraint fk_round_complaint foreign key (complaint_id) references complaint (id)
);
-- the satisfaction report: every return visit (a round with an answer) of a period's complaints
create index idx_round_visit on complaint_round (complaint_id, satisfaction);

create table complaint_round_aud (
    id                   bigint not null,
    rev                  bigint not null,
    revtype              tinyint,
    complaint_id         bigint,
    round_no             integer,
    opened_at            datetime(6),
    department           varchar(30),
    cause_type           varchar(30),
    findings             text,
    responsible_person   varchar(100),
    investigated_by      varchar(64),
    investigated_at      datetime(6),
    solution_option1     text,
    solution_option2     text,
    solution_option3     text,
    proposed_by          varchar(64),
    proposed_at          datetime(6),
    chosen_option        integer,
    decision_instruction text,
    decided_by           varchar(64),
    decided_at           datetime(6),
    implementation_notes text,
    penalties            text,
    implemented_by       varchar(64),
    implemented_at       datetime(6),
    customer_accepted    boolean,
    acceptance_method    varchar(30),
    acceptance_reference varchar(200),
    confirmed_by         varchar(64),
    confirmed_at         datetime(6),
    satisfaction         varchar(20),
    visit_remarks        text,
    visited_by           varchar(64),
    visited_at           datetime(6),
    notes_before         integer,
    primary key (rev, id),
    constraint fk_round_aud_rev foreign key (rev) references revinfo (rev)
);

-- Backfill. Until now a complaint held one set of these fields, overwritten by each round. Its Envers history still
-- shows every 不满意 return visit: the revision in which the status left 已解决 for 重新处理, holding that round's
-- state. Each such revision becomes an ended round; the complaint's present fields become its current round.
create table complaint_reopen_backfill (
    complaint_id bigint not null,
    rev          bigint not null,
    primary key (complaint_id, rev)
);
insert into complaint_reopen_backfill (complaint_id, rev)
select a.id, a.rev from complaint_aud a
where a.status = 'REOPENED' and a.satisfaction = 'DISSATISFIED'
  and 'RESOLVED' = (select p.status from complaint_aud p where p.id = a.id
    and p.rev = (select max(q.rev) from complaint_aud q where q.id = a.id and q.rev < a.rev));

-- the ended rounds, numbered in the order of their visits
insert into complaint_round (complaint_id, round_no, opened_at, department, cause_type, findings, responsible_person,
    solution_option1, solution_option2, solution_option3, chosen_option, implementation_notes, penalties,
    customer_accepted, acceptance_method, acceptance_reference, satisfaction, visit_remarks, visited_by, visited_at,
    version)
select b.complaint_id,
       (select count(*) from complaint_reopen_backfill k where k.complaint_id = b.complaint_id and k.rev <= b.rev),
       coalesce((select max(e.updated_at) from complaint_reopen_backfill k join complaint_aud e
                   on e.id = k.complaint_id and e.rev = k.rev
                 where k.complaint_id = b.complaint_id and k.rev < b.rev), c.created_at),
       a.department, a.cause_type, a.findings, a.responsible_person, a.solution_option1, a.solution_option2,
       a.solution_option3, a.chosen_option, a.implementation_notes, a.penalties, true, a.acceptance_method,
       a.acceptance_reference, a.satisfaction, a.visit_remarks, r.username, a.updated_at, 0
from complaint_reopen_backfill b
join complaint_aud a on a.id = b.complaint_id and a.rev = b.rev
join revinfo r on r.rev = b.rev
join complaint c on c.id = b.complaint_id;

-- the current round of every complaint: what its record holds now. A complaint waiting for the manager after a
-- 不满意 visit (still 重新处理) has not begun its new round: the record's fields are the ended round's.
insert into complaint_round (complaint_id, round_no, opened_at, department, cause_type, findings, responsible_person,
    solution_option1, solution_option2, solution_option3, chosen_option, implementation_notes, penalties,
    customer_accepted, acceptance_method, acceptance_reference, satisfaction, visit_remarks, visited_at, version)
select c.id,
       1 + (select count(*) from complaint_reopen_backfill k where k.complaint_id = c.id),
       coalesce((select max(e.updated_at) from complaint_reopen_backfill k join complaint_aud e
                   on e.id = k.complaint_id and e.rev = k.rev where k.complaint_id = c.id), c.created_at),
       c.department,
       case when c.status = 'REOPENED' then null else c.cause_type end,
       case when c.status = 'REOPENED' then null else c.findings end,
       case when c.status = 'REOPENED' then null else c.responsible_person end,
       case when c.status = 'REOPENED' then null else c.solution_option1 end,
       case when c.status = 'REOPENED' then null else c.solution_option2 end,
       case when c.status = 'REOPENED' then null else c.solution_option3 end,
       case when c.status = 'REOPENED' then null else c.chosen_option end,
       case when c.status = 'REOPENED' then null else c.implementation_notes end,
       case when c.status = 'REOPENED' then null else c.penalties end,
       c.customer_accepted,
       case when c.status = 'REOPENED' then null else c.acceptance_method end,
       case when c.status = 'REOPENED' then null else c.acceptance_reference end,
       case when c.status in ('AWAITING_CLOSURE', 'CLOSED') then c.satisfaction end,
       case when c.status in ('AWAITING_CLOSURE', 'CLOSED') then c.visit_remarks end,
       case when c.status in ('AWAITING_CLOSURE', 'CLOSED') then
         (select min(a.updated_at) from complaint_aud a where a.id = c.id and a.status = 'AWAITING_CLOSURE') end,
       0
from complaint c;

drop table complaint_reopen_backfill;

-- the round's fields now live in complaint_round (complaint_aud keeps its columns: the history before this version)
alter table complaint drop column cause_type;
alter table complaint drop column findings;
alter table complaint drop column responsible_person;
alter table complaint drop column solution_option1;
alter table complaint drop column solution_option2;
alter table complaint drop column solution_option3;
alter table complaint drop column chosen_option;
alter table complaint drop column implementation_notes;
alter table complaint drop column penalties;
alter table complaint drop column acceptance_method;
alter table complaint drop column acceptance_reference;
alter table complaint drop column visit_remarks;
