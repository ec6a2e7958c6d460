-- Whether a person chose to appear under their pseudonym in open data and the API; otherwise they appear there as a
-- stable pseudonymous id derived from a secret key of the instance (one row, created on first use).
ALTER TABLE account ADD COLUMN open_data_name BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE pseudonym_key (
    id     INTEGER     PRIMARY KEY,
    secret VARCHAR(64) NOT NULL
);
