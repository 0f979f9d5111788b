-- Partner programme SDK, schema version 13 (MariaDB): clicks are deleted once they expire.
-- referrals().purgeExpiredClicks() deletes the clicks made before now - attribution window -
-- retention grace, oldest first, a bounded batch per transaction; this index finds each batch
-- without reading the table (the index on (visitor_id, touched_at) does not lead with the time).
-- MariaDB builds a secondary index online (writes to pp_touch go on meanwhile).
-- IF NOT EXISTS: a host may have built it beforehand under the same name.
CREATE INDEX IF NOT EXISTS ix_pp_touch_touched_at ON pp_touch (touched_at);
