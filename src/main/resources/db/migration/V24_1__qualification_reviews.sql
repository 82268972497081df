-- 资质审核周期 (P16): each active customer's class (核心/重要/一般客户) and when its next qualification review is due,
-- and the reviews themselves (scores, grade, tier change, the decision on stopping cooperation). No personal data.

create table customer_qualification (
    customer_id      bigint      not null primary key,
    customer_class   varchar(20) not null,
    last_credit      int,
    last_reviewed_on date,
    next_review_on   date        not null,
    version          bigint      not null,
    constraint fk_customer_qualification_customer foreign key (customer_id) references customer (id)
);
create index idx_customer_qualification_due on customer_qualification (next_review_on);

create table customer_qualification_aud (
    customer_id      bigint not null,
    rev              bigint not null,
    revtype          tinyint,
    customer_class   varchar(20),
    last_credit      int,
    last_reviewed_on date,
    next_review_on   date,
    primary key (rev, customer_id),
    constraint fk_customer_qualification_aud_rev foreign key (rev) references revinfo (rev)
);

create table qualification_review (
    id                      bigint      not null auto_increment primary key,
    review_no               varchar(20),
    customer_id             bigint      not null,
    customer_class          varchar(20) not null,
    tier_before             varchar(1)  not null,
    tier_after              varchar(1),
    cycle_months            int         not null,
    due_on                  date        not null,
    opened_by               varchar(64) not null,
    opened_at               datetime(6) not null,
    status                  varchar(30) not null,
    meeting_visit_id        bigint,
    satisfaction            int,
    contribution            int,
    credit                  int,
    previous_credit         int,
    total_score             int,
    grade                   varchar(1),
    credit_declined         boolean     not null,
    tier_change_reason      text,
    score_note              text,
    scored_by               varchar(64),
    scored_at               datetime(6),
    stop_cooperation        boolean,
    decision_note           text,
    decided_by              varchar(64),
    decided_at              datetime(6),
    termination_contract_id bigint,
    next_review_on          date,
    closed_at               datetime(6),
    process_instance_id     varchar(64),
    version                 bigint      not null,
    constraint uk_qualification_review_no unique (review_no),
    constraint fk_qualification_review_customer foreign key (customer_id) references customer (id)
);
create index idx_qualification_review_customer on qualification_review (customer_id, status);
create index idx_qualification_review_scored on qualification_review (scored_at);
create index idx_qualification_review_process on qualification_review (process_instance_id);

create table qualification_review_aud (
    id                      bigint not null,
    rev                     bigint not null,
    revtype                 tinyint,
    review_no               varchar(20),
    customer_id             bigint,
    customer_class          varchar(20),
    tier_before             varchar(1),
    tier_after              varchar(1),
    cycle_months            int,
    due_on                  date,
    opened_by               varchar(64),
    opened_at               datetime(6),
    status                  varchar(30),
    meeting_visit_id        bigint,
    satisfaction            int,
    contribution            int,
    credit                  int,
    previous_credit         int,
    total_score             int,
    grade                   varchar(1),
    credit_declined         boolean,
    tier_change_reason      text,
    score_note              text,
    scored_by               varchar(64),
    scored_at               datetime(6),
    stop_cooperation        boolean,
    decision_note           text,
    decided_by              varchar(64),
    decided_at              datetime(6),
    termination_contract_id bigint,
    next_review_on          date,
    closed_at               datetime(6),
    process_instance_id     varchar(64),
    primary key (rev, id),
    constraint fk_qualification_review_aud_rev foreign key (rev) references revinfo (rev)
);
