-- The period close pages through the partners of the ledger in byte order of their ids (as Java
-- compares strings). The ledger's partner indexes are in the database's collation and cannot give
-- that order, so without this index each page would sort the partner ids of the whole ledger.
-- MariaDB's tables are utf8mb4_bin and H2 compares by code point, so their existing indexes serve
-- and they have no V5.
CREATE INDEX ix_pp_ledger_entry_partner_bytes ON pp_ledger_entry (partner_id COLLATE "C");
