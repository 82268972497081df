-- 个案 (P3): the owner's callback to the customer has a deadline on working hours too; when it is missed the case
-- records when, and a supervisor's 回复客户超时督办 note.
alter table phone_case add column callback_breached_at datetime(6);
alter table phone_case add column callback_supervision_note text;
alter table phone_case_aud add column callback_breached_at datetime(6);
alter table phone_case_aud add column callback_supervision_note text;
