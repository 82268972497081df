-- Which record a process instance works on is Kefu's own binding, looked up on every step (never a process variable).

-- A contract has its onboarding process and, over the years, possibly several termination processes (a withdrawn or
-- refused one is not the contract's current termination any more, yet still belongs to it): one row per process.
create table contract_process (
    process_instance_id  varchar(64)  not null primary key,
    contract_id          bigint       not null,
    constraint fk_contract_process_contract foreign key (contract_id) references contract (id)
);
create index idx_contract_process_contract on contract_process (contract_id);
insert into contract_process (process_instance_id, contract_id)
    select process_instance_id, id from contract where process_instance_id is not null;
insert into contract_process (process_instance_id, contract_id)
    select termination_process_id, id from contract
    where termination_process_id is not null
      and (process_instance_id is null or termination_process_id <> process_instance_id);

-- the other records store their one process instance: look-ups by it
create index idx_complaint_process on complaint (process_instance_id);
create index idx_visit_process on visit (process_instance_id);
create index idx_archive_loan_process on archive_loan (process_instance_id);
create index idx_archive_destruction_process on archive_destruction (process_instance_id);
create index idx_archive_inspection_process on archive_inspection (process_instance_id);

-- Which notice each notice-delivery instance delivers (a resend starts another instance for the same notice).
create table notice_delivery (
    process_instance_id  varchar(64)  not null primary key,
    notice_id            bigint       not null,
    constraint fk_notice_delivery_notice foreign key (notice_id) references notice (id)
);
create index idx_notice_delivery_notice on notice_delivery (notice_id);
