-- Indexes on the proposals table for the API's lists (decision 0027): the latest first across every process, the most
-- supported first within a process, and a territory's proposals by date. Kept here, with the API that needs them.
CREATE INDEX proposal_api_by_publication ON proposal (published_at, id);
CREATE INDEX proposal_api_by_supports ON proposal (process_id, supports_count, id);
CREATE INDEX proposal_api_by_territory ON proposal (territory_id, published_at);
