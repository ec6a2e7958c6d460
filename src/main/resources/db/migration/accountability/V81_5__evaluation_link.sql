-- What the proposed answer says the proposal fed (a charter article, a work programme, an immediate measure or a
-- transmission, according to the destination's kind). It becomes a contribution when the answer is published.
ALTER TABLE evaluation ADD COLUMN link_kind VARCHAR(20);
ALTER TABLE evaluation ADD COLUMN link_target BIGINT;
-- A transmission to create on publication (link_kind TRANSMISSION, link_target null): to whom, their level, when sent.
ALTER TABLE evaluation ADD COLUMN link_recipient VARCHAR(200);
ALTER TABLE evaluation ADD COLUMN link_level VARCHAR(20);
ALTER TABLE evaluation ADD COLUMN link_sent_on DATE;
