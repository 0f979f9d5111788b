-- Partner programme SDK, schema version 11 (MariaDB): a close reads only the entries that await a
-- payout.
-- pp_open_entry holds one row per EARNED or REVERSED entry that no payout holds: written with the
-- entry, moved into pp_payout_item by the close that pays it (the INSERT ... SELECT, then a DELETE
-- of exactly the rows it inserted), written again when a failed payout releases it. The ledger
-- stays append-only. Before, a close read every payable entry a partner ever had and left out the
-- paid ones through pp_payout_item, so it grew with the programme's history (15.7x from month 1 to
-- month 8 at the same monthly volume once the history left the buffer pool; benchmark). Now it
-- reads this table, clustered by partner, which holds what is open.
CREATE TABLE pp_open_entry (
    partner_id    VARCHAR(40)    NOT NULL,
    entry_id      CHAR(36)       NOT NULL,
    payable_at    DATETIME(6)    NOT NULL,
    currency_code CHAR(3)        NOT NULL,
    signed_amount DECIMAL(19, 4) NOT NULL,
    PRIMARY KEY (partner_id, entry_id),
    INDEX ix_pp_open_entry_entry (entry_id),
    CONSTRAINT fk_pp_open_entry_entry FOREIGN KEY (entry_id) REFERENCES pp_ledger_entry (entry_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO pp_open_entry (partner_id, entry_id, payable_at, currency_code, signed_amount)
    SELECT e.partner_id, e.entry_id, e.payable_at, e.currency_code,
           CASE WHEN e.kind = 'EARNED' THEN e.amount ELSE -e.amount END
    FROM pp_ledger_entry e
    WHERE e.kind IN ('EARNED', 'REVERSED')
      AND NOT EXISTS (SELECT 1 FROM pp_payout_item i WHERE i.entry_id = e.entry_id);
