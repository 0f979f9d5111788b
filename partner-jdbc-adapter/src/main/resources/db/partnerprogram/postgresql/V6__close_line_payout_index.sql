-- Deleting a payout (a close that lost a race deletes the payout it made) checks the foreign key
-- from pp_period_close_line to it. PostgreSQL does not index a foreign key's columns by itself, so
-- without this index each such delete scanned every close line of every month (found when the
-- benchmark emptied 500,000 payouts). MariaDB and H2 index a foreign key's columns themselves, so
-- they have no V6.
CREATE INDEX ix_pp_period_close_line_payout ON pp_period_close_line (payout_id);
