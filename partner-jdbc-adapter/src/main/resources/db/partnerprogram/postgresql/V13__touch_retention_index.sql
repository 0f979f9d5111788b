-- Partner programme SDK, schema version 13 (PostgreSQL): clicks are deleted once they expire.
-- referrals().purgeExpiredClicks() deletes the clicks made before now - attribution window -
-- retention grace, oldest first, a bounded batch per transaction; this index finds each batch
-- without reading the table (the index on (visitor_id, touched_at) does not lead with the time).
-- IF NOT EXISTS: a host with a large pp_touch may build it beforehand without blocking writes
-- (PostgreSQL: CREATE INDEX CONCURRENTLY ix_pp_touch_touched_at ON pp_touch (touched_at)).
CREATE INDEX IF NOT EXISTS ix_pp_touch_touched_at ON pp_touch (touched_at);
