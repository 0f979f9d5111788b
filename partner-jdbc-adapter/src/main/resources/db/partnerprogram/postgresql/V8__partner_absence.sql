-- Partner programme SDK, schema version 8 (PostgreSQL): a partner who left can enrol again.
-- It stays the same partner (one per customer account); left_at and rejoined_at hold its latest
-- absence, half-open [left_at, rejoined_at): orders placed then earn nothing, also when the host
-- reports them after the rejoin. Both are NULL for a partner who never came back.
ALTER TABLE pp_partner
    ADD COLUMN left_at     TIMESTAMP WITH TIME ZONE,
    ADD COLUMN rejoined_at TIMESTAMP WITH TIME ZONE,
    ADD CONSTRAINT ck_pp_partner_absence CHECK ((left_at IS NULL) = (rejoined_at IS NULL)),
    ADD CONSTRAINT ck_pp_partner_absence_order CHECK (rejoined_at >= left_at);
