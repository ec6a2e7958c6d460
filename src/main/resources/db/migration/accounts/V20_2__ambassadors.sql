-- A facilitator's entry in the public directory of ambassadors (opt-in): the territory they present themselves for,
-- a short presentation, and whether it is shown now. Only accounts that hold FACILITATOR are listed; account deletion
-- removes the entry.
CREATE TABLE ambassador (
    account_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES account (id),
    territory_id BIGINT        NOT NULL,
    presentation VARCHAR(600)  NOT NULL,
    listed       BOOLEAN       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ambassador_by_territory ON ambassador (listed, territory_id);
