-- Partner programme SDK, schema version 17 (PostgreSQL): erasure of partners.
-- privacy().erasePartner(..) erases a partner who left once the books no longer need it: the
-- partner becomes ERASED (final), its customer account id is replaced by its keyed pseudonym and
-- its payout account removed; its payout-account history is deleted; and its payouts, all PAID or
-- FAILED by then, lose their IBAN and holder name (amounts, periods and states stay).
ALTER TABLE pp_partner DROP CONSTRAINT ck_pp_partner_status;
ALTER TABLE pp_partner ADD CONSTRAINT ck_pp_partner_status
    CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED', 'ERASED'));
ALTER TABLE pp_payout ALTER COLUMN iban DROP NOT NULL;
ALTER TABLE pp_payout ALTER COLUMN holder_name DROP NOT NULL;
ALTER TABLE pp_payout ADD CONSTRAINT ck_pp_payout_account
    CHECK ((iban IS NULL) = (holder_name IS NULL) AND (iban IS NOT NULL OR status IN ('PAID', 'FAILED')));
