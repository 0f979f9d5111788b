-- Partner programme SDK, schema version 8 (MariaDB only): payout items by partner.
-- A close reads the items of a chunk of partners once, through this index, to leave out the
-- entries already paid, instead of looking each payable entry up in the items' primary key. Those
-- lookups grow with every close and cost a MariaDB close about a fifth of its time on the
-- benchmark's 10^5 entries. Every item's partner is its entry's partner (the adapter writes both
-- from the ledger row), so the partner's items are all that can hide the partner's entries.
ALTER TABLE pp_payout_item ADD INDEX ix_pp_payout_item_partner (partner_id);
