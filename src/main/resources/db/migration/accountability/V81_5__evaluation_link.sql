-- What the proposed answer says the proposal fed (a charter article, a work programme, an immediate measure or a
-- transmission, according to the destination's kind). It becomes a contribution when the answer is published.
ALTER TABLE evaluation ADD COLUMN link_kind VARCHAR(20);
ALTER TABLE evaluation ADD COLUMN link_target BIGINT;
