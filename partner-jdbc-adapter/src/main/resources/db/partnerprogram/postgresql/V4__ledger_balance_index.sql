-- Partner programme SDK, schema version 4 (PostgreSQL): the balance reads the ledger by index.
-- The overview's balance sums a partner's entries per kind (and, for EARNED and REVERSED, before
-- and after an instant) in one currency. ix_pp_ledger_entry_payable already leads with
-- (partner_id, kind, payable_at); it now also carries currency_code and amount, so those sums are
-- index range scans (index-only once the table is vacuumed) instead of a filter over every
-- entry's row. The close's queries use the same leading columns, so the number of indexes the
-- ledger maintains does not change. Rebuilding the index locks writes to the ledger while it runs.
DROP INDEX ix_pp_ledger_entry_payable;
CREATE INDEX ix_pp_ledger_entry_payable ON pp_ledger_entry (partner_id, kind, payable_at)
    INCLUDE (currency_code, amount);
