-- Partner programme SDK, schema version 19 (MariaDB): the audit trail of administrative acts.
-- Every operator act (suspend, reinstate, remove a partner, add a rate version, close a month,
-- export payouts, mark a payout paid or failed, ...) appends one row to pp_audit_record in its own
-- transaction: who (actor), what (action, partner_id, subject), when and why (reason), and hash,
-- the SHA-256 over the previous row's hash and this row's fields, computed by the core, so that
-- a row changed or deleted behind the SDK's back is found by program.audit().verify().
-- pp_audit_head holds one row (id 1): the last sequence and hash. An append reads it FOR UPDATE,
-- which queues appenders of every host instance; the first append creates it.
-- Rows are never updated or deleted by the SDK: they are kept with the books.
CREATE TABLE pp_audit_record (
    sequence_no BIGINT       NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    partner_id  VARCHAR(40) ,
    subject     VARCHAR(100) NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    hash        CHAR(64)     NOT NULL,
    PRIMARY KEY (sequence_no),
    CONSTRAINT ck_pp_audit_record_sequence CHECK (sequence_no >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- The three queries of program.audit().records(..): per partner and per actor newest first, and
-- per month by time; each an index range read backwards.
CREATE INDEX ix_pp_audit_record_partner ON pp_audit_record (partner_id, sequence_no);
CREATE INDEX ix_pp_audit_record_actor ON pp_audit_record (actor, sequence_no);
CREATE INDEX ix_pp_audit_record_recorded ON pp_audit_record (recorded_at, sequence_no);

CREATE TABLE pp_audit_head (
    id            SMALLINT NOT NULL,
    last_sequence BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_pp_audit_head_one CHECK (id = 1 AND last_sequence >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
