-- Partner programme SDK, schema version 9 (PostgreSQL): a closed month's statement never changes.
-- pp_carried_item records which entries a close carried over for a partner it made no payout for
-- (the entries stay unassigned; a later close pays them). pp_released_item keeps which entries a
-- payout was made with after it failed and its items were released. With pp_payout_item, they let a
-- statement list the entries a close settled for good.
CREATE TABLE pp_carried_item (
    period        CHAR(7) COLLATE "C" NOT NULL,
    partner_id    VARCHAR(40)    NOT NULL,
    entry_id      CHAR(36)       NOT NULL,
    signed_amount DECIMAL(19, 4) NOT NULL,
    CONSTRAINT pk_pp_carried_item PRIMARY KEY (period, partner_id, entry_id),
    CONSTRAINT fk_pp_carried_item_entry FOREIGN KEY (entry_id) REFERENCES pp_ledger_entry (entry_id)
);
CREATE INDEX ix_pp_carried_item_entry ON pp_carried_item (entry_id);

CREATE TABLE pp_released_item (
    payout_id     VARCHAR(26) COLLATE "C" NOT NULL,
    entry_id      CHAR(36)       NOT NULL,
    partner_id    VARCHAR(40)    NOT NULL,
    signed_amount DECIMAL(19, 4) NOT NULL,
    CONSTRAINT pk_pp_released_item PRIMARY KEY (payout_id, entry_id),
    CONSTRAINT fk_pp_released_item_payout FOREIGN KEY (payout_id) REFERENCES pp_payout (payout_id),
    CONSTRAINT fk_pp_released_item_entry FOREIGN KEY (entry_id) REFERENCES pp_ledger_entry (entry_id)
);
CREATE INDEX ix_pp_released_item_entry ON pp_released_item (entry_id);

-- A carried balance is a sum and may exceed what one amount column holds; a balance above the
-- programme's maximum payout carries over with its own reason.
ALTER TABLE pp_period_close_line ALTER COLUMN amount TYPE DECIMAL(38, 4);
ALTER TABLE pp_period_close_line DROP CONSTRAINT ck_pp_period_close_line_reason;
ALTER TABLE pp_period_close_line ADD CONSTRAINT ck_pp_period_close_line_reason CHECK (
    carry_over_reason IN ('BELOW_MINIMUM', 'NOT_POSITIVE', 'PARTNER_SUSPENDED', 'NO_PAYOUT_ACCOUNT',
        'ABOVE_MAXIMUM_PAYOUT'));
