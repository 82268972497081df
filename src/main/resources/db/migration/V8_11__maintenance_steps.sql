-- One-time steps Kefu runs at startup on the data of earlier versions, once each (e.g. taking personal data out of
-- the engine's variables and history, README "Security"). A step that needs Camunda's tables cannot be a migration
-- here: on a fresh database Flyway runs before the engine creates them.

create table maintenance_step (
    name       varchar(100)  not null primary key,
    done_at    datetime(6)   not null,
    outcome    varchar(500)
);
