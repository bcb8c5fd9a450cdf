-- What a user said of a commitment (done, with a note), kept by the commitment's stable key:
-- 16 hex digits of SHA-256 over the document's content hash, the sentence and the due date as
-- written (see Facts/CommitmentKey.cs). No foreign key: a status outlives its document being
-- deleted, ingested again or extracted again, and applies again when the same text comes back.
CREATE TABLE commitment_status (
    commitment_key TEXT NOT NULL PRIMARY KEY CHECK (length(commitment_key) = 16),
    content_hash   TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('done')),
    note           TEXT,
    what           TEXT NOT NULL,
    due            TEXT,
    changed_at     TEXT NOT NULL
) STRICT;

-- Timelines, due lists and dossiers filter engagements by partner country, sector and party
-- (Facts/SqliteFactsQueries.cs); without these, each filter and each party count scans the whole
-- table (docs/BENCHMARKS.md, "Timeline and exports").
CREATE INDEX engagement_countries_country ON engagement_countries (country);
CREATE INDEX engagement_sectors_sector ON engagement_sectors (sector);
CREATE INDEX engagement_parties_entity ON engagement_parties (entity_id);
