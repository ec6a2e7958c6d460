-- What the participation features read from a process: which phases accept proposals and supports, the themes
-- proposals are filed under, and the support rules.
ALTER TABLE process_phase ADD COLUMN proposals_open BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE process_phase ADD COLUMN supports_open BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE participatory_process ADD COLUMN support_limit INTEGER;
ALTER TABLE participatory_process ADD COLUMN support_threshold INTEGER;

CREATE TABLE process_theme (
    process_id     BIGINT       NOT NULL REFERENCES participatory_process (id),
    theme_position INTEGER      NOT NULL,
    name           VARCHAR(80)  NOT NULL,
    PRIMARY KEY (process_id, theme_position)
);
