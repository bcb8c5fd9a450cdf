-- As SQLite's 0006_commitment_status: what a user said of a commitment (done, with a note), kept by
-- the commitment's stable key with no foreign key, so it outlives re-ingest; and the fact indexes
-- timelines and dossiers filter by.
CREATE TABLE commitment_status (
    commitment_key text NOT NULL PRIMARY KEY CHECK (length(commitment_key) = 16),
    content_hash   text NOT NULL,
    status         text NOT NULL CHECK (status IN ('done')),
    note           text,
    what           text NOT NULL,
    due            text,
    changed_at     timestamptz NOT NULL
);

CREATE INDEX engagement_countries_country ON engagement_countries (country);
CREATE INDEX engagement_sectors_sector ON engagement_sectors (sector);
CREATE INDEX engagement_parties_entity ON engagement_parties (entity_id);
