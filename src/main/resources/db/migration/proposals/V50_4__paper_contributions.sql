-- A proposal is written online by its author, or collected on paper (a Fabrik workshop...) and typed in by a
-- facilitator: then it records where it was collected (a resource of another module, e.g. "meeting:12", or none for a
-- collection typed by hand), a label snapshot and the page of that collection, who recorded it and when. Until the
-- participant claims it, author_id is the facilitator who recorded it and claimed_at is null.
ALTER TABLE proposal ADD COLUMN provenance VARCHAR(10) DEFAULT 'ONLINE' NOT NULL;
ALTER TABLE proposal ADD COLUMN collected_at_ref VARCHAR(60);
ALTER TABLE proposal ADD COLUMN collected_at_label VARCHAR(200);
ALTER TABLE proposal ADD COLUMN collected_at_path VARCHAR(300);
ALTER TABLE proposal ADD COLUMN collected_by BIGINT;
ALTER TABLE proposal ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE proposal ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX proposal_by_provenance ON proposal (process_id, provenance);

-- The invitation sent to a participant who left an email on paper: only the token's SHA-256 is kept; spent_at is set
-- when the proposal is claimed. One invitation per proposal.
CREATE TABLE proposal_claim (
    proposal_id BIGINT       NOT NULL PRIMARY KEY REFERENCES proposal (id),
    token_hash  VARCHAR(64)  NOT NULL,
    email       VARCHAR(254) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at    TIMESTAMP WITH TIME ZONE,
    spent_by    BIGINT,
    CONSTRAINT proposal_claim_token_unique UNIQUE (token_hash)
);
