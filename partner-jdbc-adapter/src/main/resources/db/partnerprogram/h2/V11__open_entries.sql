-- Partner programme SDK, schema version 11 (H2): a close reads only the entries that await a
-- payout.
-- pp_open_entry holds one row per EARNED or REVERSED entry that no payout holds: written with the
-- entry, moved into pp_payout_item by the close that pays it, written again when a failed payout
-- releases it. The ledger stays append-only; a close reads this table, which holds what is open.
CREATE TABLE pp_open_entry (
    partner_id    VARCHAR(40)    NOT NULL,
    entry_id      CHAR(36)       NOT NULL,
    payable_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    currency_code CHAR(3)        NOT NULL,
    signed_amount DECIMAL(19, 4) NOT NULL,
    CONSTRAINT pk_pp_open_entry PRIMARY KEY (partner_id, entry_id),
    CONSTRAINT fk_pp_open_entry_entry FOREIGN KEY (entry_id) REFERENCES pp_ledger_entry (entry_id)
);
-- The foreign key's index (a release and a repair find rows by entry).
CREATE INDEX ix_pp_open_entry_entry ON pp_open_entry (entry_id);
INSERT INTO pp_open_entry (partner_id, entry_id, payable_at, currency_code, signed_amount)
    SELECT e.partner_id, e.entry_id, e.payable_at, e.currency_code,
           CASE WHEN e.kind = 'EARNED' THEN e.amount ELSE -e.amount END
    FROM pp_ledger_entry e
    WHERE e.kind IN ('EARNED', 'REVERSED')
      AND NOT EXISTS (SELECT 1 FROM pp_payout_item i WHERE i.entry_id = e.entry_id);
