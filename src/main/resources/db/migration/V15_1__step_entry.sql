-- What was submitted at a step no Kefu handler knows (a manager's new step), or the fields of a known step its
-- handler does not read: kept with who and when, the step's name and the form's labels. Never personal fields.
create table step_entry (
    id                      bigint        not null auto_increment primary key,
    recorded_at             datetime(6)   not null,
    actor                   varchar(64)   not null,
    case_key                varchar(64),
    process_instance_id     varchar(64)   not null,
    process_key             varchar(255)  not null,
    task_key                varchar(255)  not null,
    task_name               varchar(255),
    form_id                 varchar(255),
    fields                  text          not null
);
create index idx_step_entry_case on step_entry (case_key);
create index idx_step_entry_instance on step_entry (process_instance_id);
