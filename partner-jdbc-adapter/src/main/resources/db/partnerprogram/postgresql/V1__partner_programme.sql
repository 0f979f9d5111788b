-- Partner programme SDK, schema version 1 (PostgreSQL).
-- Every table is prefixed pp_ and carries partner_id where it has one, so the schema can be
-- distributed on partner_id. Constraints back the invariants the ports promise.

CREATE TABLE pp_partner (
    partner_id          VARCHAR(40)  NOT NULL,
    customer_account_id VARCHAR(64)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    enrolled_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status_changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    payout_iban         VARCHAR(34),
    payout_holder_name  VARCHAR(70),
    version             BIGINT       NOT NULL,
    CONSTRAINT pk_pp_partner PRIMARY KEY (partner_id),
    CONSTRAINT uq_pp_partner_account UNIQUE (customer_account_id),
    CONSTRAINT ck_pp_partner_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    CONSTRAINT ck_pp_partner_version CHECK (version >= 1),
    CONSTRAINT ck_pp_partner_payout CHECK ((payout_iban IS NULL) = (payout_holder_name IS NULL))
);

CREATE TABLE pp_payout_account_change (
    partner_id      VARCHAR(40) NOT NULL,
    partner_version BIGINT      NOT NULL,
    iban            VARCHAR(34) NOT NULL,
    holder_name     VARCHAR(70) NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pp_payout_account_change PRIMARY KEY (partner_id, partner_version)
);

CREATE TABLE pp_referral_code (
    code       VARCHAR(32) COLLATE "C" NOT NULL,
    partner_id VARCHAR(40) NOT NULL,
    vanity     BOOLEAN     NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_pp_referral_code PRIMARY KEY (code),
    CONSTRAINT ck_pp_referral_code_upper CHECK (code = UPPER(code))
);
CREATE INDEX ix_pp_referral_code_partner ON pp_referral_code (partner_id, issued_at, code);

-- partner_id is the scope: '' for the programme-wide card, else the partner of an override.
CREATE TABLE pp_rate_version (
    partner_id     VARCHAR(40) NOT NULL,
    version_number INTEGER     NOT NULL,
    effective_from TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pp_rate_version PRIMARY KEY (partner_id, version_number),
    CONSTRAINT uq_pp_rate_version_from UNIQUE (partner_id, effective_from),
    CONSTRAINT ck_pp_rate_version_number CHECK (version_number >= 1)
);

CREATE TABLE pp_rate (
    partner_id     VARCHAR(40)   NOT NULL,
    version_number INTEGER       NOT NULL,
    target_kind    VARCHAR(8)    NOT NULL,
    target_id      VARCHAR(64)   NOT NULL,
    rate_kind      VARCHAR(10)   NOT NULL,
    percentage     DECIMAL(7, 4),
    amount         DECIMAL(19, 4),
    currency_code  CHAR(3),
    CONSTRAINT pk_pp_rate PRIMARY KEY (partner_id, version_number, target_kind, target_id),
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
);

CREATE TABLE pp_outbox (
    sequence_id     BIGINT GENERATED ALWAYS AS IDENTITY,
    event_id        CHAR(36)    NOT NULL,
    event_type      VARCHAR(64) NOT NULL,
    partner_id      VARCHAR(40),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    schema_version  INTEGER     NOT NULL,
    payload         JSON        NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_pp_outbox PRIMARY KEY (sequence_id),
    CONSTRAINT uq_pp_outbox_event UNIQUE (event_id)
);
CREATE INDEX ix_pp_outbox_pending ON pp_outbox (sequence_id) WHERE acknowledged_at IS NULL;
