-- Process redesign by managers (README "Changing processes"): every deployment of BPMN / DMN / forms — refused
-- attempts included — and every migration of running cases to another version. Append-only: the audit trail.

create table model_deployment (
    id               bigint        not null auto_increment primary key,
    occurred_at      datetime(6)   not null,
    actor            varchar(64)   not null,
    outcome          varchar(20)   not null,
    source           varchar(100),
    name             varchar(255),
    deployment_id    varchar(64),
    resources        text          not null,
    problem_count    integer       not null,
    summary          text
);
create index idx_model_deployment_deployment on model_deployment (deployment_id);
create index idx_model_deployment_occurred on model_deployment (occurred_at);

create table model_migration (
    id                      bigint        not null auto_increment primary key,
    occurred_at             datetime(6)   not null,
    actor                   varchar(64)   not null,
    process_key             varchar(255)  not null,
    from_definition_id      varchar(64)   not null,
    from_version            integer       not null,
    to_definition_id        varchar(64)   not null,
    to_version              integer       not null,
    instance_count          integer       not null,
    batch_id                varchar(64)
);
create index idx_model_migration_key on model_migration (process_key);

create table model_migrated_case (
    migration_id         bigint        not null,
    process_instance_id  varchar(64)   not null,
    business_key         varchar(255),
    primary key (migration_id, process_instance_id),
    constraint fk_migrated_case_migration foreign key (migration_id) references model_migration (id)
);
create index idx_migrated_case_instance on model_migrated_case (process_instance_id);
