-- Partner programme SDK, schema version 14 (H2): retention beyond clicks.
-- privacy().applyRetention() pseudonymises the visitor id of attribution decisions whose signup is
-- older than the clicks' cutoff, and deletes payout accounts a partner stopped using longer ago
-- than the bookkeeping retention; both a bounded batch per transaction, oldest first.
--
-- pp_attribution.inputs_pseudonymised: set once a retention batch took the decision (its visitor
-- id, if any, is now a pseudonym), so that no later run reads it again. The index leads with it,
-- so the decisions not yet taken are found by signup without reading those taken.
ALTER TABLE pp_attribution ADD COLUMN inputs_pseudonymised BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX IF NOT EXISTS ix_pp_attribution_inputs_due
    ON pp_attribution (inputs_pseudonymised, signup_at);

-- pp_payout_account_change.superseded_at: when the partner's next account was given (from then on
-- this one is not the partner's); NULL for the current account, which is never deleted. Set by
-- the insert of the next change; filled here for the history stored before.
ALTER TABLE pp_payout_account_change ADD COLUMN superseded_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE pp_payout_account_change a SET superseded_at = (
    SELECT n.changed_at FROM pp_payout_account_change n
    WHERE n.partner_id = a.partner_id AND n.partner_version = (
        SELECT MIN(m.partner_version) FROM pp_payout_account_change m
        WHERE m.partner_id = a.partner_id AND m.partner_version > a.partner_version));
CREATE INDEX IF NOT EXISTS ix_pp_payout_account_change_superseded
    ON pp_payout_account_change (superseded_at);
