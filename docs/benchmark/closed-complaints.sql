-- Closed complaints @FIRST@ … @LAST@ for docs/benchmark/scale.sh, one every 157 seconds from 2021-01-01 (so a million
-- span five years): categories, severities, departments and satisfaction in rotation, a response breach on every
-- seventh. The same SQL on H2 and MariaDB; bench_seq(n) holds the numbers (ScaleLoad.java fills it).
INSERT INTO complaint (case_no, customer_id, complainant_name, complainant_phone, channel, category, severity,
  description, owner_id, status, notify_manager, manager_approval, repeat_complaint, reopen_count, department,
  created_at, response_due, responded_at, resolution_due, resolved_at, closed_at, satisfaction, customer_accepted,
  updated_at, version)
SELECT CONCAT('BM', LPAD(CONCAT('', n), 9, '0')), (SELECT MIN(id) FROM customer) + MOD(n, 120), '张三', '13800000000',
  'HOTLINE',
  CASE MOD(n, 8) WHEN 0 THEN 'PRODUCT_QUALITY' WHEN 1 THEN 'DELIVERY' WHEN 2 THEN 'SERVICE_ATTITUDE'
    WHEN 3 THEN 'SALES_PROMISE' WHEN 4 THEN 'BILLING' WHEN 5 THEN 'CONTRACT' WHEN 6 THEN 'TECHNICAL' ELSE 'OTHER' END,
  CASE MOD(n, 3) WHEN 0 THEN 'MINOR' WHEN 1 THEN 'MAJOR' ELSE 'CRITICAL' END, '基准测试', 'agent', 'CLOSED',
  false, false, MOD(n, 20) = 0, 0,
  CASE MOD(n, 6) WHEN 0 THEN 'sales' WHEN 1 THEN 'business' WHEN 2 THEN 'warehouse' WHEN 3 THEN 'finance'
    WHEN 4 THEN 'tech' ELSE 'service' END,
  t, TIMESTAMPADD(HOUR, 4, t), TIMESTAMPADD(HOUR, MOD(n, 7), t), TIMESTAMPADD(HOUR, 48, t),
  TIMESTAMPADD(HOUR, MOD(n, 72), t), TIMESTAMPADD(HOUR, 80, t),
  CASE MOD(n, 3) WHEN 0 THEN 'SATISFIED' WHEN 1 THEN 'NEUTRAL' ELSE 'DISSATISFIED' END, true, t, 0
FROM (SELECT n, TIMESTAMPADD(SECOND, n * 157, TIMESTAMP '2021-01-01 00:00:00') AS t FROM bench_seq
      WHERE n BETWEEN @FIRST@ AND @LAST@) s;
-- their breaches only (the demo data's cases have their own; same key: complaint_id, position)
INSERT INTO complaint_breach (complaint_id, position, type, deadline, detected_at)
SELECT id, 0, 'RESPONSE', response_due, response_due FROM complaint
WHERE case_no >= CONCAT('BM', LPAD(CONCAT('', @FIRST@), 9, '0')) AND case_no <= CONCAT('BM', LPAD(CONCAT('', @LAST@), 9, '0'))
  AND responded_at > response_due;
