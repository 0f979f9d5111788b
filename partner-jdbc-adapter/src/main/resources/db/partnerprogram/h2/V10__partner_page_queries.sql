-- Partner programme SDK, schema version 10 (H2): the queries of a partner page.
-- pp_rate_label holds the label a host gives a product or group of a rate version, for the public
-- rate card; a label belongs to a rate of its version (foreign key), so it goes with the target,
-- and a rate change copies the labels it carries over to the next version.
CREATE TABLE pp_rate_label (
    partner_id     VARCHAR(40)  NOT NULL,
    version_number INTEGER      NOT NULL,
    target_kind    VARCHAR(8)   NOT NULL,
    target_id      VARCHAR(64)  NOT NULL,
    label          VARCHAR(100) NOT NULL,
    CONSTRAINT pk_pp_rate_label PRIMARY KEY (partner_id, version_number, target_kind, target_id),
    CONSTRAINT fk_pp_rate_label_rate FOREIGN KEY (partner_id, version_number, target_kind, target_id)
        REFERENCES pp_rate (partner_id, version_number, target_kind, target_id)
);

-- A partner's ledger lines by month are pages of (partner_id, placed_at, order_id, line_number):
-- this index is that order, so a page is one index range from the month's start (or the previous
-- page's last line). It leads with partner_id, so the partner-only index of V2 goes.
CREATE INDEX ix_pp_commission_line_partner_placed
    ON pp_commission_line (partner_id, placed_at, order_id, line_number);
DROP INDEX ix_pp_commission_line_partner;
