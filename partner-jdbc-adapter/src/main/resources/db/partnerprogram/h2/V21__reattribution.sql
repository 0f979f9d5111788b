-- Partner programme SDK, schema version 21 (H2): support's re-attributions of customers.
-- referrals().reattribute(..) moves a customer's attribution to another partner (to_partner_id)
-- or to none (null) for the orders placed from effective_from on; the decision at signup in
-- pp_attribution stays as it was. One row per act, kept for good; read per customer when an order
-- is priced and when support asks why (ix_pp_reattribution_customer).
CREATE TABLE pp_reattribution (
    reattribution_id    VARCHAR(64)  NOT NULL,
    customer_account_id VARCHAR(64)  NOT NULL,
    from_partner_id     VARCHAR(40),
    to_partner_id       VARCHAR(40),
    effective_from      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor               VARCHAR(100) NOT NULL,
    reason              VARCHAR(200) NOT NULL,
    decided_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pp_reattribution PRIMARY KEY (reattribution_id)
);
CREATE INDEX ix_pp_reattribution_customer ON pp_reattribution (customer_account_id, effective_from);
