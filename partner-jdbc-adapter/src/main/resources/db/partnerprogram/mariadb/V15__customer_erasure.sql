-- Partner programme SDK, schema version 15 (MariaDB): erasure of referred customers.
-- privacy().eraseCustomer(..) replaces a customer's account id and visitor id by their keyed
-- pseudonyms in pp_attribution, pp_order, pp_touch and pp_outbox, and records here what it changed,
-- keyed by the pseudonym (never the account id): erasing again finds this row and returns it
-- unchanged. Counts only, no personal data beyond the pseudonym.
CREATE TABLE pp_customer_erasure (
    pseudonym        VARCHAR(64) NOT NULL,
    erased_at        DATETIME(6) NOT NULL,
    attribution_rows INTEGER     NOT NULL,
    order_rows       INTEGER     NOT NULL,
    click_rows       INTEGER     NOT NULL,
    event_rows       INTEGER     NOT NULL,
    PRIMARY KEY (pseudonym),
    CONSTRAINT ck_pp_customer_erasure_rows CHECK (attribution_rows >= 0 AND order_rows >= 0
        AND click_rows >= 0 AND event_rows >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
