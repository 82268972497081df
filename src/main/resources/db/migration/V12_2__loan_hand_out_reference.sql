-- 借出登记: the number of the register line the borrower signed, when the hand-out's evidence is a reference rather
-- than an attached photo or scan of it.
alter table archive_loan add column hand_out_reference varchar(200);
alter table archive_loan_aud add column hand_out_reference varchar(200);
