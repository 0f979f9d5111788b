-- The host's own table in the examples: its invoices, beside the SDK's pp_ tables.
CREATE TABLE host_invoice (
    id     VARCHAR(64) NOT NULL PRIMARY KEY,
    status VARCHAR(16) NOT NULL
);
