-- Partner programme SDK, schema version 1 (MariaDB 10.6+ / MySQL 8.0.16+).
-- Every table is prefixed pp_ and carries partner_id where it has one. Text columns use
-- utf8mb4_bin, so identifiers compare exactly (case matters) and codes sort by code point.
-- Instants are DATETIME(6) in UTC (the adapter sets time_zone '+00:00' on its sessions).

CREATE TABLE pp_partner (
    partner_id          VARCHAR(40)  NOT NULL,
    customer_account_id VARCHAR(64)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    enrolled_at         DATETIME(6)  NOT NULL,
    status_changed_at   DATETIME(6)  NOT NULL,
    payout_iban         VARCHAR(34),
    payout_holder_name  VARCHAR(70),
    version             BIGINT       NOT NULL,
    PRIMARY KEY (partner_id),
    CONSTRAINT uq_pp_partner_account UNIQUE (customer_account_id),
    CONSTRAINT ck_pp_partner_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    CONSTRAINT ck_pp_partner_version CHECK (version >= 1),
    CONSTRAINT ck_pp_partner_payout CHECK ((payout_iban IS NULL) = (payout_holder_name IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE pp_payout_account_change (
    partner_id      VARCHAR(40) NOT NULL,
    partner_version BIGINT      NOT NULL,
    iban            VARCHAR(34) NOT NULL,
    holder_name     VARCHAR(70) NOT NULL,
    changed_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (partner_id, partner_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE pp_referral_code (
    code       VARCHAR(32) NOT NULL,
    partner_id VARCHAR(40) NOT NULL,
    vanity     BOOLEAN     NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    revoked_at DATETIME(6),
    PRIMARY KEY (code),
    CONSTRAINT ck_pp_referral_code_upper CHECK (code = UPPER(code)),
    INDEX ix_pp_referral_code_partner (partner_id, issued_at, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- partner_id is the scope: '' for the programme-wide card, else the partner of an override.
CREATE TABLE pp_rate_version (
    partner_id     VARCHAR(40) NOT NULL,
    version_number INTEGER     NOT NULL,
    effective_from DATETIME(6) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (partner_id, version_number),
    CONSTRAINT uq_pp_rate_version_from UNIQUE (partner_id, effective_from),
    CONSTRAINT ck_pp_rate_version_number CHECK (version_number >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE pp_rate (
    partner_id     VARCHAR(40)   NOT NULL,
    version_number INTEGER       NOT NULL,
    target_kind    VARCHAR(8)    NOT NULL,
    target_id      VARCHAR(64)   NOT NULL,
    rate_kind      VARCHAR(10)   NOT NULL,
    percentage     DECIMAL(7, 4),
    amount         DECIMAL(19, 4),
    currency_code  CHAR(3),
    PRIMARY KEY (partner_id, version_number, target_kind, target_id),
    CONSTRAINT fk_pp_rate_version FOREIGN KEY (partner_id, version_number)
        REFERENCES pp_rate_version (partner_id, version_number),
    CONSTRAINT ck_pp_rate_target CHECK (target_kind IN ('PRODUCT', 'GROUP')),
    CONSTRAINT ck_pp_rate_kind CHECK (
        (rate_kind = 'PERCENTAGE' AND percentage IS NOT NULL AND amount IS NULL
            AND currency_code IS NULL)
        OR (rate_kind = 'FIXED' AND percentage IS NULL AND amount IS NOT NULL
            AND currency_code IS NOT NULL)),
    CONSTRAINT ck_pp_rate_percentage CHECK (percentage BETWEEN 0 AND 100),
    CONSTRAINT ck_pp_rate_amount CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE pp_outbox (
    sequence_id     BIGINT      NOT NULL AUTO_INCREMENT,
    event_id        CHAR(36)    NOT NULL,
    event_type      VARCHAR(64) NOT NULL,
    partner_id      VARCHAR(40),
    occurred_at     DATETIME(6) NOT NULL,
    schema_version  INTEGER     NOT NULL,
    payload         LONGTEXT    NOT NULL,
    acknowledged_at DATETIME(6),
    PRIMARY KEY (sequence_id),
    CONSTRAINT uq_pp_outbox_event UNIQUE (event_id),
    CONSTRAINT ck_pp_outbox_payload CHECK (JSON_VALID(payload)),
    INDEX ix_pp_outbox_pending (acknowledged_at, sequence_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
