-- Partner programme SDK, schema version 7 (PostgreSQL): each payout item keeps what its entry adds
-- to the payout.
-- signed_amount is the entry's amount, negative for a REVERSED entry. Ledger entries never change,
-- so it is a fixed copy, written from the entry by the same INSERT ... SELECT that assigns it. A
-- payout's assigned sum is then an index range of its own items instead of a join through the
-- ledger's primary key (the close needs it when some of a payout's entries were assigned elsewhere
-- meanwhile). The backfill rewrites every item row once.
ALTER TABLE pp_payout_item ADD COLUMN signed_amount DECIMAL(19, 4);
UPDATE pp_payout_item i SET signed_amount = CASE WHEN e.kind = 'EARNED' THEN e.amount ELSE -e.amount END
    FROM pp_ledger_entry e WHERE e.entry_id = i.entry_id;
ALTER TABLE pp_payout_item ALTER COLUMN signed_amount SET NOT NULL;
CREATE INDEX ix_pp_payout_item_payout_amount ON pp_payout_item (payout_id) INCLUDE (signed_amount);
DROP INDEX ix_pp_payout_item_payout;
