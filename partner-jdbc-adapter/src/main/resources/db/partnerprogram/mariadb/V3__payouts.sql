-- Partner programme SDK, schema version 3 (MariaDB 10.6+ / MySQL 8.0.16+; utf8mb4_bin, instants DATETIME(6) in UTC): payout periods and payouts.
-- A close claims its month with one row in pp_period_close (primary key: one close per month, also
-- across instances); pp_payout holds the payouts with a snapshot of the account they were made
-- with; pp_payout_item says which ledger entry each payout pays, keyed by the entry, so an entry is
-- paid in at most one payout; pp_period_close_line records what the close did per partner.
-- Primary keys are unnamed: MariaDB always names them PRIMARY and warns about any other name.

-- One row per closed month, for good. period is 'YYYY-MM'.
CREATE TABLE pp_period_close (
    period    CHAR(7)   NOT NULL,
    closed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (period),
    CONSTRAINT ck_pp_period_close_period CHECK (period REGEXP '^[0-9]{4}-(0[1-9]|1[0-2])$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

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
    created_at        DATETIME(6) NOT NULL,
    status_changed_at DATETIME(6) NOT NULL,
    failure_reason    VARCHAR(200),
    PRIMARY KEY (payout_id),
    CONSTRAINT ck_pp_payout_amount CHECK (amount > 0),
    CONSTRAINT ck_pp_payout_status CHECK (status IN ('CREATED', 'EXPORTED', 'PAID', 'FAILED')),
    CONSTRAINT ck_pp_payout_failure CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    INDEX ix_pp_payout_period (period, payout_id),
    INDEX ix_pp_payout_partner (partner_id, period)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Which ledger entry each payout pays: the primary key on entry_id makes "an entry is paid in at
-- most one payout" a fact of the database. Released (deleted) when a payout fails.
CREATE TABLE pp_payout_item (
    entry_id   CHAR(36)    NOT NULL,
    payout_id  VARCHAR(26) NOT NULL,
    partner_id VARCHAR(40) NOT NULL,
    PRIMARY KEY (entry_id),
    CONSTRAINT fk_pp_payout_item_entry FOREIGN KEY (entry_id) REFERENCES pp_ledger_entry (entry_id),
    CONSTRAINT fk_pp_payout_item_payout FOREIGN KEY (payout_id) REFERENCES pp_payout (payout_id),
    INDEX ix_pp_payout_item_payout (payout_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What a close did per partner: paid out (payout_id) or carried over (carry_over_reason), exactly
-- one of them. amount may be zero or negative (carried over as NOT_POSITIVE).
CREATE TABLE pp_period_close_line (
    period            CHAR(7)        NOT NULL,
    partner_id        VARCHAR(40)    NOT NULL,
    amount            DECIMAL(19, 4) NOT NULL,
    currency_code     CHAR(3)        NOT NULL,
    payout_id         VARCHAR(26),
    carry_over_reason VARCHAR(20),
    PRIMARY KEY (period, partner_id),
    CONSTRAINT fk_pp_period_close_line_payout FOREIGN KEY (payout_id) REFERENCES pp_payout (payout_id),
    CONSTRAINT ck_pp_period_close_line_outcome CHECK ((payout_id IS NULL) <> (carry_over_reason IS NULL)),
    CONSTRAINT ck_pp_period_close_line_reason CHECK (carry_over_reason IN ('BELOW_MINIMUM',
        'NOT_POSITIVE', 'PARTNER_SUSPENDED', 'NO_PAYOUT_ACCOUNT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The close's aggregate and assignment read a partner's EARNED/REVERSED entries by payable_at.
ALTER TABLE pp_ledger_entry ADD INDEX ix_pp_ledger_entry_payable (partner_id, kind, payable_at);
