-- Partner programme SDK, schema version 2 (MariaDB 10.6+ / MySQL 8.0.16+): attribution and commissions.
-- Touches (clicks), attribution decisions, orders with lines and refunds, priced commission lines,
-- the append-only commission ledger and the processed host events. Money is DECIMAL(19, 4) with a
-- CHAR(3) currency code; text columns use utf8mb4_bin as in V1, instants DATETIME(6) in UTC; keys and CHECKs back the invariants the ports promise.
-- Primary keys are unnamed: MariaDB always names them PRIMARY and warns about any other name.

-- Append-only clicks on referral links; read by visitor and time, counted by partner.
CREATE TABLE pp_touch (
    touch_id     BIGINT AUTO_INCREMENT,
    visitor_id   VARCHAR(64) NOT NULL,
    code         VARCHAR(32) NOT NULL,
    partner_id   VARCHAR(40) NOT NULL,
    touched_at   DATETIME(6) NOT NULL,
    landing_path VARCHAR(200),
    PRIMARY KEY (touch_id),
    INDEX ix_pp_touch_visitor (visitor_id, touched_at),
    INDEX ix_pp_touch_partner (partner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One decision per customer account, for good. partner_id is the candidate partner (the one the
-- decision concerns); decided_partner_id, code, touched_at and attribution_rule are set exactly when attributed.
CREATE TABLE pp_attribution (
    customer_account_id VARCHAR(64) NOT NULL,
    outcome             VARCHAR(16) NOT NULL,
    partner_id          VARCHAR(40),
    decided_partner_id  VARCHAR(40),
    code                VARCHAR(32),
    touched_at          DATETIME(6),
    attribution_rule    VARCHAR(16),
    reason              VARCHAR(32),
    visitor_id          VARCHAR(64),
    typed_code          VARCHAR(32),
    new_customer        BOOLEAN     NOT NULL,
    customer_iban_given BOOLEAN     NOT NULL,
    signup_at           DATETIME(6) NOT NULL,
    decided_at          DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_account_id),
    CONSTRAINT ck_pp_attribution_outcome CHECK (
        (outcome = 'ATTRIBUTED' AND decided_partner_id IS NOT NULL AND code IS NOT NULL
            AND touched_at IS NOT NULL AND attribution_rule IS NOT NULL AND reason IS NULL)
        OR (outcome = 'NOT_ATTRIBUTED' AND decided_partner_id IS NULL AND code IS NULL
            AND touched_at IS NULL AND attribution_rule IS NULL AND reason IS NOT NULL)),
    CONSTRAINT ck_pp_attribution_rule CHECK (attribution_rule IN ('TYPED_CODE', 'LAST_TOUCH', 'FIRST_TOUCH')),
    CONSTRAINT ck_pp_attribution_reason CHECK (reason IN ('NO_TOUCH', 'OUTSIDE_WINDOW',
        'EXISTING_CUSTOMER', 'SELF_REFERRAL', 'PARTNER_NOT_ACTIVE', 'CODE_REVOKED', 'UNKNOWN_CODE')),
    INDEX ix_pp_attribution_partner (partner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Orders as the host reported them; exactly one of partner_id and not_earning_reason is set.
-- paid_at is set once (a conditional UPDATE ... WHERE paid_at IS NULL).
CREATE TABLE pp_order (
    order_id            VARCHAR(64) NOT NULL,
    customer_account_id VARCHAR(64) NOT NULL,
    placed_at           DATETIME(6) NOT NULL,
    currency_code       CHAR(3)     NOT NULL,
    partner_id          VARCHAR(40),
    not_earning_reason  VARCHAR(32),
    source_event_id     VARCHAR(64) NOT NULL,
    recorded_at         DATETIME(6) NOT NULL,
    paid_at             DATETIME(6),
    PRIMARY KEY (order_id),
    CONSTRAINT ck_pp_order_earning CHECK ((partner_id IS NULL) <> (not_earning_reason IS NULL)),
    CONSTRAINT ck_pp_order_reason CHECK (not_earning_reason IN ('CUSTOMER_NOT_ATTRIBUTED',
        'PARTNER_LEFT', 'NOT_FIRST_ORDER', 'OUTSIDE_EARNING_PERIOD')),
    INDEX ix_pp_order_customer (customer_account_id),
    INDEX ix_pp_order_partner (partner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE pp_order_line (
    order_id         VARCHAR(64)    NOT NULL,
    line_number      INTEGER        NOT NULL,
    product_id       VARCHAR(64)    NOT NULL,
    product_group_id VARCHAR(64),
    net_amount       DECIMAL(19, 4) NOT NULL,
    currency_code    CHAR(3)        NOT NULL,
    description      VARCHAR(200),
    PRIMARY KEY (order_id, line_number),
    CONSTRAINT fk_pp_order_line_order FOREIGN KEY (order_id) REFERENCES pp_order (order_id),
    CONSTRAINT ck_pp_order_line_number CHECK (line_number BETWEEN 1 AND 500),
    CONSTRAINT ck_pp_order_line_net CHECK (net_amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Net amounts refunded, per line and refund event.
CREATE TABLE pp_refund (
    order_id      VARCHAR(64)    NOT NULL,
    line_number   INTEGER        NOT NULL,
    event_id      VARCHAR(64)    NOT NULL,
    net_amount    DECIMAL(19, 4) NOT NULL,
    currency_code CHAR(3)        NOT NULL,
    PRIMARY KEY (order_id, line_number, event_id),
    CONSTRAINT fk_pp_refund_line FOREIGN KEY (order_id, line_number)
        REFERENCES pp_order_line (order_id, line_number),
    CONSTRAINT ck_pp_refund_net CHECK (net_amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One priced line per order line. rate_* describe the rate (absent: not participating);
-- rate_version_number (with rate_version_partner_id for a partner override) the version used.
CREATE TABLE pp_commission_line (
    order_id                VARCHAR(64)    NOT NULL,
    line_number             INTEGER        NOT NULL,
    partner_id              VARCHAR(40)    NOT NULL,
    product_id              VARCHAR(64)    NOT NULL,
    net_amount              DECIMAL(19, 4) NOT NULL,
    currency_code           CHAR(3)        NOT NULL,
    rate_kind               VARCHAR(10),
    rate_percentage         DECIMAL(7, 4),
    rate_amount             DECIMAL(19, 4),
    rate_currency_code      CHAR(3),
    rate_version_partner_id VARCHAR(40),
    rate_version_number     INTEGER,
    commission_amount       DECIMAL(19, 4) NOT NULL,
    commission_currency     CHAR(3)        NOT NULL,
    placed_at               DATETIME(6) NOT NULL,
    source_event_id         VARCHAR(64)    NOT NULL,
    PRIMARY KEY (order_id, line_number),
    CONSTRAINT ck_pp_commission_line_net CHECK (net_amount >= 0),
    CONSTRAINT ck_pp_commission_line_bounds CHECK (
        commission_amount >= 0 AND commission_amount <= net_amount),
    CONSTRAINT ck_pp_commission_line_rate CHECK (
        (rate_kind IS NULL AND rate_percentage IS NULL AND rate_amount IS NULL
            AND rate_currency_code IS NULL)
        OR (rate_kind = 'PERCENTAGE' AND rate_percentage IS NOT NULL AND rate_amount IS NULL
            AND rate_currency_code IS NULL)
        OR (rate_kind = 'FIXED' AND rate_percentage IS NULL AND rate_amount IS NOT NULL
            AND rate_currency_code IS NOT NULL)),
    CONSTRAINT ck_pp_commission_line_version CHECK (
        rate_version_number IS NOT NULL OR rate_version_partner_id IS NULL),
    CONSTRAINT ck_pp_commission_line_percentage CHECK (rate_percentage BETWEEN 0 AND 100),
    CONSTRAINT ck_pp_commission_line_fixed CHECK (rate_amount >= 0),
    INDEX ix_pp_commission_line_partner (partner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The append-only ledger. entry_order sorts like java.util.UUID.compareTo (the entry id with the
-- sign bits of both halves flipped, in hex), so "newest first, then entry id" is one ORDER BY.
-- payable_at is set exactly for EARNED and REVERSED entries.
CREATE TABLE pp_ledger_entry (
    entry_id        CHAR(36)       NOT NULL,
    entry_order     CHAR(32) NOT NULL,
    partner_id      VARCHAR(40)    NOT NULL,
    order_id        VARCHAR(64)    NOT NULL,
    line_number     INTEGER        NOT NULL,
    kind            VARCHAR(10)    NOT NULL,
    amount          DECIMAL(19, 4) NOT NULL,
    currency_code   CHAR(3)        NOT NULL,
    base_amount     DECIMAL(19, 4) NOT NULL,
    base_currency   CHAR(3)        NOT NULL,
    occurred_at     DATETIME(6) NOT NULL,
    payable_at      DATETIME(6),
    source_event_id VARCHAR(64)    NOT NULL,
    recorded_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (entry_id),
    CONSTRAINT uq_pp_ledger_entry_event UNIQUE (source_event_id, order_id, line_number, kind),
    CONSTRAINT ck_pp_ledger_entry_kind CHECK (kind IN ('ACCRUED', 'EARNED', 'CANCELLED', 'REVERSED')),
    CONSTRAINT ck_pp_ledger_entry_amount CHECK (amount >= 0),
    CONSTRAINT ck_pp_ledger_entry_payable CHECK (
        (kind IN ('EARNED', 'REVERSED')) = (payable_at IS NOT NULL)),
    INDEX ix_pp_ledger_entry_partner (partner_id, recorded_at, entry_order),
    INDEX ix_pp_ledger_entry_order (order_id, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Host events already processed (idempotency): the first write of every event's unit of work.
CREATE TABLE pp_processed_event (
    event_id     VARCHAR(64)  NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    fingerprint  VARCHAR(128) NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
