-- The facts extraction found, queryable: entities with every alias, where each is mentioned,
-- engagements with their parties, partner countries and sectors, and commitments. Offsets are
-- UTF-16 code units into documents.original_text. A document's facts are written with it, in the
-- same transaction, and go with it (ON DELETE CASCADE).
CREATE TABLE entities (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    country TEXT
) STRICT;

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT    NOT NULL,
    PRIMARY KEY (entity_id, alias)
) STRICT;

CREATE INDEX entity_aliases_alias ON entity_aliases (alias);

CREATE TABLE mentions (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    PRIMARY KEY (document_id, start, entity_id)
) STRICT;

CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE engagements (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal        INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    date           TEXT,
    end_date       TEXT,
    place          TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    UNIQUE (document_id, ordinal)
) STRICT;

CREATE INDEX engagements_date ON engagements (date);

CREATE TABLE engagement_parties (
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    entity_id     INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    side          TEXT    NOT NULL CHECK (side IN ('thai', 'foreign', 'person')),
    PRIMARY KEY (engagement_id, entity_id)
) STRICT;

CREATE TABLE engagement_countries (
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    country       TEXT    NOT NULL,
    PRIMARY KEY (engagement_id, country)
) STRICT;

CREATE TABLE engagement_sectors (
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    sector        TEXT    NOT NULL,
    PRIMARY KEY (engagement_id, sector)
) STRICT;

CREATE TABLE commitments (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    what        TEXT    NOT NULL,
    who         TEXT,
    due         TEXT,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    UNIQUE (document_id, ordinal)
) STRICT;

CREATE INDEX commitments_due ON commitments (due);
