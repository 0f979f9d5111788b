-- Partner programme SDK, schema version 4 (MariaDB): the balance reads the ledger by index.
-- The overview's balance sums a partner's entries per kind (and, for EARNED and REVERSED, before
-- and after an instant) in one currency. ix_pp_ledger_entry_payable already leads with
-- (partner_id, kind, payable_at); it now also carries currency_code and amount, so those sums read
-- the index alone instead of looking up every entry's row (or scanning the table). The close's
-- queries use the same leading columns, so the number of indexes the ledger maintains does not
-- change.
ALTER TABLE pp_ledger_entry
    DROP INDEX ix_pp_ledger_entry_payable,
    ADD INDEX ix_pp_ledger_entry_payable (partner_id, kind, payable_at, currency_code, amount);
