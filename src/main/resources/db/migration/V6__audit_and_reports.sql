-- Audit and reports. Portable SQL: runs on the embedded H2 and on MySQL 8 / MariaDB alike.

-- Who read a customer's personal data unmasked, and who exported a timeline or a report (R2: access to 客户的资料
-- must be traceable). Read back by case key and by customer into the case timeline.
create table data_access_log (
    id          bigint       not null auto_increment primary key,
    accessed_at datetime(6)  not null,
    username    varchar(64)  not null,
    action      varchar(30)  not null,
    customer_id bigint,
    case_key    varchar(64),
    what        varchar(200)
);
create index idx_access_case on data_access_log (case_key, accessed_at);
create index idx_access_customer on data_access_log (customer_id, accessed_at);
create index idx_access_user on data_access_log (username, accessed_at);

-- Monthly reports aggregate the complaints of a period (created_at range) grouped by category, severity and
-- department: this index holds every column they read, so a report scans only the period's range of the index and
-- never the table (with a million complaints a year's report reads 200,000 index entries, not 1,000,000 rows).
create index idx_complaint_report on complaint (created_at, category, severity, department, status, repeat_complaint,
    responded_at, response_due, resolved_at, resolution_due, satisfaction, customer_accepted);
-- customers registered in a period, and the customer 360 page's case list
create index idx_customer_created on customer (created_at);
create index idx_customer_status on customer (status);
-- customers lost in a period: the first revision that shows them terminated
create index idx_customer_aud_status on customer_aud (status, id, rev);
create index idx_revinfo_time on revinfo (revtstmp);

-- the visit report (回访率, 配送回访统计): visits due in a period by kind, read from this index alone
create index idx_visit_report on visit (due_date, kind, status, overdue, satisfaction, customer_id, completed_at,
    deadline, matter_department);
