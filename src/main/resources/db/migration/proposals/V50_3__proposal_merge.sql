-- Staff merge a duplicate into a kept proposal of the same process: the duplicate gets status MERGED and points to
-- the kept one (never to a merged one, so there is no chain or cycle); its supports move to the kept proposal, each
-- person once. merge_note is the staff's public note, shown on the kept proposal's page.
ALTER TABLE proposal ADD COLUMN merged_into BIGINT REFERENCES proposal (id);
ALTER TABLE proposal ADD COLUMN merged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE proposal ADD COLUMN merge_note VARCHAR(1000);
CREATE INDEX proposal_by_merged_into ON proposal (merged_into);
