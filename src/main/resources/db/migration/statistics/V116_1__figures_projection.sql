-- The figures pages read these tables, never the millions of rows they summarise. FiguresProjection rebuilds them
-- from the features' tables in one transaction (a full recompute, exact as of refreshed_at; see docs/figures.md).
-- process_id and territory_id are 0 when the contribution has none (a comment on a page of no process).
--
-- Contributions per day (Europe/Paris), process, territory and kind.
CREATE TABLE figure_contribution_day (
    on_day       DATE        NOT NULL,
    process_id   BIGINT      NOT NULL,
    territory_id BIGINT      NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    contributions BIGINT     NOT NULL,
    PRIMARY KEY (on_day, process_id, territory_id, kind)
);

-- Who contributed, at most once per day, process and territory: distinct contributors of any period and scope are
-- counted here. person_key: 'a:<account id>', 'e:<e-mail>' (a registration without account), 'p:<proposal id>' (a
-- paper contribution nobody claimed yet: its own participant), 'w:<attendance id>' (a walk-in without e-mail).
CREATE TABLE figure_contributor_day (
    on_day       DATE         NOT NULL,
    process_id   BIGINT       NOT NULL,
    territory_id BIGINT       NOT NULL,
    person_key   VARCHAR(300) NOT NULL,
    PRIMARY KEY (on_day, process_id, territory_id, person_key)
);

-- Distinct contributors of every scope (instance, each process, each territory with what lies below it) over the
-- period presets, counted once per recompute: the presets are then one row to read.
CREATE TABLE figure_contributor_total (
    scope_key VARCHAR(40) NOT NULL,
    preset    VARCHAR(10) NOT NULL,
    contributors BIGINT   NOT NULL,
    PRIMARY KEY (scope_key, preset)
);

-- When the tables above were last rebuilt: one row, null until the first recompute. Each recompute locks it first, so
-- that two nodes recomputing at once take turns instead of colliding.
CREATE TABLE figure_refresh (
    id           INTEGER NOT NULL PRIMARY KEY,
    refreshed_at TIMESTAMP WITH TIME ZONE,
    as_of_day    DATE,
    took_ms      BIGINT NOT NULL
);
INSERT INTO figure_refresh (id, took_ms) VALUES (1, 0);

-- Each territory and every territory above it (itself included), copied from the territories module at each
-- recompute, so that a territory's figures (with everything below it) are one join.
CREATE TABLE figure_territory_closure (
    territory_id BIGINT NOT NULL,
    ancestor_id  BIGINT NOT NULL,
    PRIMARY KEY (ancestor_id, territory_id)
);
