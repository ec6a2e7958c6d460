-- An answer notice carries the destination and an excerpt of the published answer.
ALTER TABLE notice ALTER COLUMN detail SET DATA TYPE VARCHAR(1000);
