-- Partner programme SDK, schema version 14 (H2): a partner's data export reads its decisions.
-- privacy().exportPartner(...) pages through the attribution decisions concerning a partner in
-- decision order (decided_at, then customer_account_id); this index is that order within a
-- partner, so each page is an index range, not a sort of all the partner's decisions. The ledger's
-- pages use ix_pp_ledger_entry_partner (partner_id, recorded_at, entry_order) of V2.
-- IF NOT EXISTS: a host may have built it beforehand under the same name.
CREATE INDEX IF NOT EXISTS ix_pp_attribution_partner_decided
    ON pp_attribution (partner_id, decided_at, customer_account_id);
