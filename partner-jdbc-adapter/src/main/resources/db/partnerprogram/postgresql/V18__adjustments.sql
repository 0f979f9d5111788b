-- Partner programme SDK, schema version 18 (PostgreSQL): an operator's adjustments and write-offs.
-- corrections().adjust(..) and writeOff(..) book one ledger entry each, of the new kinds CREDITED,
-- DEBITED or WRITTEN_OFF: payable from when it is booked, about no order (order_id is null, line
-- number 0), so the close pays or nets it like any payable entry. Its details (the reason, who
-- booked it, an order line it refers to) are in pp_adjustment, one row per entry. A balance sums a
-- partner's adjustments from ix_pp_ledger_entry_payable (partner, kind, ...): they are few.
ALTER TABLE pp_ledger_entry ALTER COLUMN kind TYPE VARCHAR(12);
ALTER TABLE pp_ledger_entry ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE pp_ledger_entry DROP CONSTRAINT ck_pp_ledger_entry_kind;
ALTER TABLE pp_ledger_entry ADD CONSTRAINT ck_pp_ledger_entry_kind
    CHECK (kind IN ('ACCRUED', 'EARNED', 'CANCELLED', 'REVERSED', 'CREDITED', 'DEBITED', 'WRITTEN_OFF'));
ALTER TABLE pp_ledger_entry DROP CONSTRAINT ck_pp_ledger_entry_payable;
ALTER TABLE pp_ledger_entry ADD CONSTRAINT ck_pp_ledger_entry_payable
    CHECK ((kind IN ('ACCRUED', 'CANCELLED')) = (payable_at IS NULL));
ALTER TABLE pp_ledger_entry ADD CONSTRAINT ck_pp_ledger_entry_subject
    CHECK ((kind IN ('CREDITED', 'DEBITED', 'WRITTEN_OFF')) = (order_id IS NULL)
        AND (order_id IS NOT NULL OR line_number = 0));
CREATE TABLE pp_adjustment (
    adjustment_id   VARCHAR(64)    NOT NULL,
    entry_id        CHAR(36)       NOT NULL,
    partner_id      VARCHAR(40)    NOT NULL,
    type            VARCHAR(10)    NOT NULL,
    amount          DECIMAL(19, 4) NOT NULL,
    currency_code   CHAR(3)        NOT NULL,
    ref_order_id    VARCHAR(64),
    ref_line_number INTEGER,
    actor           VARCHAR(100)   NOT NULL,
    reason          VARCHAR(200)   NOT NULL,
    booked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pp_adjustment PRIMARY KEY (adjustment_id),
    CONSTRAINT uq_pp_adjustment_entry UNIQUE (entry_id),
    CONSTRAINT fk_pp_adjustment_entry FOREIGN KEY (entry_id) REFERENCES pp_ledger_entry (entry_id),
    CONSTRAINT ck_pp_adjustment_type CHECK (type IN ('ADJUSTMENT', 'WRITE_OFF')),
    CONSTRAINT ck_pp_adjustment_amount CHECK (amount <> 0 AND (type = 'ADJUSTMENT' OR amount > 0)),
    CONSTRAINT ck_pp_adjustment_ref CHECK ((ref_order_id IS NULL) = (ref_line_number IS NULL))
);
CREATE INDEX ix_pp_adjustment_partner ON pp_adjustment (partner_id, booked_at);
