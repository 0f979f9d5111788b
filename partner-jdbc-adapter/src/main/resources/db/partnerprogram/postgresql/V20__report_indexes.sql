-- Partner programme SDK, schema version 20 (PostgreSQL): the reports read index ranges.
-- reports() answers support and finance across partners; each of its statements reads a range of
-- one of these indexes instead of a whole table:
-- * a page of the partners with a status is a range of (status, partner_id in byte order), the
--   order it pages in (as Java compares ids; the table's collation does not give it);
-- * the top earners of a period and a month's commission read the entries by when they occurred,
--   the kind checked in the index; the index carries what they sum, so the ledger's rows are not
--   visited (an index-only scan once the table is vacuumed). It leads with occurred_at, not kind:
--   led by kind, the planner took it for a partner's sums by kind on a table without statistics,
--   instead of ix_pp_ledger_entry_payable (partner_id, kind, payable_at);
-- * a month's funnel counts the attributed decisions by decision time, the paying customers by
--   payment time, and sums the payouts confirmed paid by the time of that change.
-- Clicks by time use ix_pp_touch_touched_at (V13); a month's payouts ix_pp_payout_period (V3).
-- IF NOT EXISTS: a host with large tables may build them beforehand without blocking writes
-- (CREATE INDEX CONCURRENTLY ... with the same definition).
CREATE INDEX IF NOT EXISTS ix_pp_partner_status ON pp_partner (status, partner_id COLLATE "C");
CREATE INDEX IF NOT EXISTS ix_pp_ledger_entry_occurred ON pp_ledger_entry (occurred_at, kind)
    INCLUDE (currency_code, partner_id, amount);
CREATE INDEX IF NOT EXISTS ix_pp_attribution_outcome_decided ON pp_attribution (outcome, decided_at);
CREATE INDEX IF NOT EXISTS ix_pp_order_paid ON pp_order (paid_at)
    INCLUDE (partner_id, customer_account_id);
CREATE INDEX IF NOT EXISTS ix_pp_payout_status_changed ON pp_payout (status, status_changed_at)
    INCLUDE (currency_code, amount);
