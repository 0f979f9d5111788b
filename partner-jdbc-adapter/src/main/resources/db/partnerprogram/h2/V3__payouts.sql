-- Partner programme SDK, schema version 3 (H2 2.x): payout periods and payouts.
-- A close claims its month with one row in pp_period_close (primary key: one close per month, also
-- across instances); pp_payout holds the payouts with a snapshot of the account they were made
-- with; pp_payout_item says which ledger entry each payout pays, keyed by the entry, so an entry is
-- paid in at most one payout; pp_period_close_line records what the close did per partner.

-- One row per closed month, for good. period is 'YYYY-MM'.
CREATE TABLE pp_period_close (
    period    CHAR(7)   NOT NULL,
    closed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pp_period_close PRIMARY KEY (period),
    CONSTRAINT ck_pp_period_close_period CHECK (REGEXP_LIKE(period, '^[0-9]{4}-(0[1-9]|1[0-2])$'))
);

-- Payouts. amount is what the assigned entries sum to (more than zero); iban and holder_name are
-- the account at the close; failure_reason is set exactly when FAILED.
CREATE TABLE pp_payout (
    payout_id         VARCHAR(26)    NOT NULL,
    partner_id        VARCHAR(40)    NOT NULL,
    period            CHAR(7)        NOT NULL,
    amount            DECIMAL(19, 4) NOT NULL,
    currency_code     CHAR(3)        NOT NULL,
    iban              VARCHAR(34)    NOT NULL,
    holder_name       VARCHAR(70)    NOT NULL,
    status            VARCHAR(10)    NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status_changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    failure_reason    VARCHAR(200),
    CONSTRAINT pk_pp_payout PRIMARY KEY (payout_id),
    CONSTRAINT ck_pp_payout_amount CHECK (amount > 0),
    CONSTRAINT ck_pp_payout_status CHECK (status IN ('CREATED', 'EXPORTED', 'PAID', 'FAILED')),
    CONSTRAINT ck_pp_payout_failure CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);
CREATE INDEX ix_pp_payout_period ON pp_payout (period, payout_id);
CREATE INDEX ix_pp_payout_partner ON pp_payout (partner_id, period);

-- Which ledger entry each payout pays: the primary key on entry_id makes "an entry is paid in at
-- most one payout" a fact of the database. Released (deleted) when a payout fails.
CREATE TABLE pp_payout_item (
    entry_id   CHAR(36)    NOT NULL,
    payout_id  VARCHAR(26) NOT NULL,
    partner_id VARCHAR(40) NOT NULL,
    CONSTRAINT pk_pp_payout_item PRIMARY KEY (entry_id),
    CONSTRAINT fk_pp_payout_item_entry FOREIGN KEY (entry_id) REFERENCES pp_ledger_entry (entry_id),
    CONSTRAINT fk_pp_payout_item_payout FOREIGN KEY (payout_id) REFERENCES pp_payout (payout_id)
);
CREATE INDEX ix_pp_payout_item_payout ON pp_payout_item (payout_id);

-- What a close did per partner: paid out (payout_id) or carried over (carry_over_reason), exactly
-- one of them. amount may be zero or negative (carried over as NOT_POSITIVE).
CREATE TABLE pp_period_close_line (
    period            CHAR(7)        NOT NULL,
    partner_id        VARCHAR(40)    NOT NULL,
    amount            DECIMAL(19, 4) NOT NULL,
    currency_code     CHAR(3)        NOT NULL,
    payout_id         VARCHAR(26),
    carry_over_reason VARCHAR(20),
    CONSTRAINT pk_pp_period_close_line PRIMARY KEY (period, partner_id),
    CONSTRAINT fk_pp_period_close_line_payout FOREIGN KEY (payout_id) REFERENCES pp_payout (payout_id),
    CONSTRAINT ck_pp_period_close_line_outcome CHECK ((payout_id IS NULL) <> (carry_over_reason IS NULL)),
    CONSTRAINT ck_pp_period_close_line_reason CHECK (carry_over_reason IN ('BELOW_MINIMUM',
        'NOT_POSITIVE', 'PARTNER_SUSPENDED', 'NO_PAYOUT_ACCOUNT'))
);

-- The close's aggregate and assignment read a partner's EARNED/REVERSED entries by payable_at.
CREATE INDEX ix_pp_ledger_entry_payable ON pp_ledger_entry (partner_id, kind, payable_at);
