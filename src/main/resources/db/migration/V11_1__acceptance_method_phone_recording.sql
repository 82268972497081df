-- The demo history recorded the customer's acceptance as 'PHONE', a value the confirmation form never offered (its
-- option is 'PHONE_RECORDING', 电话录音确认), so the timeline showed a raw code. Databases that ran it get the form's
-- value, in the record and in its history alike. Portable SQL: H2 and MySQL / MariaDB.
update complaint_round set acceptance_method = 'PHONE_RECORDING' where acceptance_method = 'PHONE';
update complaint_round_aud set acceptance_method = 'PHONE_RECORDING' where acceptance_method = 'PHONE';
update complaint_aud set acceptance_method = 'PHONE_RECORDING' where acceptance_method = 'PHONE';
