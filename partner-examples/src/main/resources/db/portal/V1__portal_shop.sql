-- The host portal's own tables: its customers and invoices, beside the SDK's pp_ tables in the same
-- database, so that an invoice and the programme's record of it commit in one transaction.
CREATE TABLE portal_customer (
    id        VARCHAR(40)  NOT NULL PRIMARY KEY,
    name      VARCHAR(100) NOT NULL,
    email     VARCHAR(201) NOT NULL,
    email_key VARCHAR(201) NOT NULL, -- the address in lower case: one account per address
    CONSTRAINT portal_customer_email UNIQUE (email_key)
);

CREATE SEQUENCE portal_invoice_number START WITH 1001;

CREATE TABLE portal_invoice (
    invoice_number BIGINT                   NOT NULL PRIMARY KEY, -- shown as INV-<number>
    customer_id    VARCHAR(40)              NOT NULL REFERENCES portal_customer (id),
    placed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at        TIMESTAMP WITH TIME ZONE -- null while the invoice is open
);

CREATE INDEX portal_invoice_customer ON portal_invoice (customer_id);

CREATE TABLE portal_invoice_line (
    invoice_number BIGINT        NOT NULL REFERENCES portal_invoice (invoice_number),
    line_number    INT           NOT NULL,
    product_id     VARCHAR(40)   NOT NULL,
    net_amount     DECIMAL(19,2) NOT NULL, -- the price when ordered, excluding VAT
    currency       CHAR(3)       NOT NULL,
    PRIMARY KEY (invoice_number, line_number)
);
