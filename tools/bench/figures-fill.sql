-- Fills a SCRATCH PostgreSQL database (already migrated, with the demo data) with synthetic contributions at the
-- benchmark scale of issue 9 times :scale (1 = 500,000 participants, 2,000,000 proposals, 10,000,000 supports,
-- 3,000,000 comments, 10,000 meetings, 300,000 registrations). Never run it on a real database.
--   psql -h 127.0.0.1 -U postgres -d figures_bench -v scale=0.1 -f tools/bench/figures-fill.sql
-- Rows go into the demo's public processes and communes, dated over the last two years; accounts are bare ids from
-- 10,000,000 up (the counted tables refer to people by id only).
\set ON_ERROR_STOP on
\timing on
SELECT (500000 * :scale)::bigint AS people, (2000000 * :scale)::bigint AS proposals,
       (10000000 * :scale)::bigint AS supports, (3000000 * :scale)::bigint AS comments,
       (10000 * :scale)::bigint AS meetings, (300000 * :scale)::bigint AS registrations \gset

CREATE TEMP TABLE bench_process AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM participatory_process WHERE status IN ('PUBLISHED', 'CLOSED');
CREATE TEMP TABLE bench_commune AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM territory WHERE kind = 'COMMUNE';
SELECT count(*) AS process_count FROM bench_process \gset
SELECT count(*) AS commune_count FROM bench_commune \gset

INSERT INTO proposal (process_id, author_id, status, reference, title, body, territory_id, created_at,
                      published_at, version, provenance, claimed_at, collected_by, collected_at_label, recorded_at)
SELECT bp.id, 10000000 + (i * 7919) % :people,
       CASE WHEN i % 50 = 0 THEN 'WITHDRAWN' ELSE 'PUBLISHED' END,
       'X' || lpad(i::text, 10, '0'), 'Proposition de mesure ' || i, 'Texte de la proposition synthétique ' || i,
       bc.id, now() - (i % 730) * interval '1 day', now() - (i % 730) * interval '1 day' + interval '1 hour', 0,
       CASE WHEN i % 10 = 0 THEN 'PAPER' ELSE 'ONLINE' END, NULL,
       CASE WHEN i % 10 = 0 THEN 1 END, CASE WHEN i % 10 = 0 THEN 'Fabrik synthétique' END,
       CASE WHEN i % 10 = 0 THEN now() - (i % 730) * interval '1 day' + interval '1 hour' END
  FROM generate_series(1::bigint, :proposals) AS i
  JOIN bench_process bp ON bp.n = i % :process_count
  JOIN bench_commune bc ON bc.n = (i * 31) % :commune_count;
CREATE TEMP TABLE bench_proposal AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, process_id, published_at FROM proposal WHERE reference LIKE 'X%';
CREATE UNIQUE INDEX ON bench_proposal (n);

-- Support i goes to proposal r = i mod P from account (q + 7919 r) mod people, q = i div P: one per pair.
INSERT INTO proposal_support (proposal_id, account_id, process_id, created_at)
SELECT p.id, 10000000 + ((i / :proposals) + (i % :proposals) * 7919) % :people, p.process_id,
       p.published_at + ((i / :proposals) + 1) * interval '3 hours'
  FROM generate_series(0::bigint, :supports - 1) AS i
  JOIN bench_proposal p ON p.n = i % :proposals;

INSERT INTO resource_comment (resource_type, resource_id, depth, author_id, stance, body, status, posted_at, version)
SELECT 'proposal', p.id, 0, 10000000 + (i * 104729) % :people, 'FOR',
       'Commentaire synthétique ' || i, CASE WHEN i % 40 = 0 THEN 'DELETED' ELSE 'PUBLISHED' END,
       now() - (i % 700) * interval '1 day', 0
  FROM generate_series(1::bigint, :comments) AS i JOIN bench_proposal p ON p.n = (i * 13) % :proposals;

INSERT INTO meeting (kind, format, title, description, starts_at, ends_at, process_id, territory_id, organiser_id,
                     organiser_name, invitation_only, invitation_token, registration_enabled, status, sequence,
                     confirmed_count, waiting_count, created_at, updated_at)
SELECT 'FABRIK', 'IN_PERSON', 'Rencontre synthétique ' || i, 'Une rencontre.',
       now() - (i % 700) * interval '1 day', now() - (i % 700) * interval '1 day' + interval '2 hours', bp.id, bc.id,
       1, 'Organisation', false, md5(i::text), true, 'PUBLISHED', 0, 0, 0, now(), now()
  FROM generate_series(1::bigint, :meetings) AS i
  JOIN bench_process bp ON bp.n = i % :process_count
  JOIN bench_commune bc ON bc.n = (i * 17) % :commune_count;
CREATE TEMP TABLE bench_meeting AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM meeting WHERE title LIKE 'Rencontre synthétique %';

-- 30 registrations per meeting at the full scale: registration i to meeting i mod M, account distinct per meeting.
INSERT INTO meeting_registration (meeting_id, account_id, name, email, email_key, language, code, status, created_at,
                                  queued_at, confirmed_at, cancel_token_hash)
SELECT m.id, 10000000 + i % :people, 'Personne ' || i, 'p' || i || '@example.org',
       'p' || i || '@example.org', 'fr', 'R' || lpad(i::text, 7, '0'),
       CASE WHEN i % 20 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END, now() - (i % 700) * interval '1 day' - interval '7 days',
       now(), now(), md5('c' || i)
  FROM generate_series(1::bigint, :registrations) AS i JOIN bench_meeting m ON m.n = i % :meetings;

ANALYZE;
