-- Page views counted by the server itself (docs/decisions/0023): per day (Europe/Paris) and normalised path, a
-- counter. No address, no user agent, no cookie: nothing that identifies a visitor is stored.
CREATE TABLE page_view_daily (
    view_day DATE         NOT NULL,
    path  VARCHAR(300) NOT NULL,
    views BIGINT       NOT NULL,
    PRIMARY KEY (view_day, path)
);

-- Distinct anonymous visitors per day: the count of distinct daily hashes, the hashes themselves only ever kept in
-- memory for the current day.
CREATE TABLE audience_daily (
    visit_day DATE   PRIMARY KEY,
    visitors BIGINT NOT NULL
);
