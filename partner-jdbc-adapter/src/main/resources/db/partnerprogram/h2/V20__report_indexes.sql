-- Partner programme SDK, schema version 20 (H2): the reports read index ranges.
-- reports() answers support and finance across partners; each of its statements reads a range of
-- one of these indexes instead of a whole table:
-- * a page of the partners with a status is a range of (status, partner_id), the order it pages
--   in (H2 compares by code point, as Java compares ids);
-- * the top earners of a period and a month's commission read the entries by when they occurred,
--   the kind checked in the index, which carries what they sum (covering: the ledger's rows are
--   not visited). It leads with occurred_at, not kind, so that a partner's sums by kind keep
--   reading ix_pp_ledger_entry_payable (partner_id, kind, payable_at), as on PostgreSQL;
-- * a month's funnel counts the attributed decisions by decision time, the paying customers by
--   payment time, and sums the payouts confirmed paid by the time of that change (covering).
-- Clicks by time use ix_pp_touch_touched_at (V13); a month's payouts ix_pp_payout_period (V3).
-- IF NOT EXISTS: a host may have built them beforehand under the same names.
CREATE INDEX IF NOT EXISTS ix_pp_partner_status ON pp_partner (status, partner_id);
CREATE INDEX IF NOT EXISTS ix_pp_ledger_entry_occurred
    ON pp_ledger_entry (occurred_at, kind, currency_code, partner_id, amount);
CREATE INDEX IF NOT EXISTS ix_pp_attribution_outcome_decided ON pp_attribution (outcome, decided_at);
CREATE INDEX IF NOT EXISTS ix_pp_order_paid ON pp_order (paid_at, partner_id, customer_account_id);
CREATE INDEX IF NOT EXISTS ix_pp_payout_status_changed
    ON pp_payout (status, status_changed_at, currency_code, amount);
