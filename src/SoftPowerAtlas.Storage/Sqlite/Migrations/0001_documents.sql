-- Documents and their SimHash bands.
-- Text columns hold text exactly as given (UTF-8); sim_hash is the 64-bit SimHash as a signed integer.
CREATE TABLE documents (
    id                   INTEGER PRIMARY KEY,
    source               TEXT    NOT NULL,
    format               TEXT    NOT NULL,
    title                TEXT,
    source_url           TEXT,
    byline               TEXT,
    published_as_written TEXT,
    published            TEXT,
    language             TEXT    NOT NULL CHECK (language IN ('th', 'en', 'mixed', 'other')),
    encoding             TEXT    NOT NULL,
    original_text        TEXT    NOT NULL,
    clean_text           TEXT    NOT NULL,
    segmented_text       TEXT    NOT NULL,
    content_hash         TEXT    NOT NULL UNIQUE,
    sim_hash             INTEGER NOT NULL,
    near_duplicate_of    INTEGER REFERENCES documents (id),
    ingested_at          TEXT    NOT NULL,
    facts_json           TEXT
) STRICT;

CREATE INDEX documents_source ON documents (source);
CREATE INDEX documents_near_duplicate_of ON documents (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

-- Four 16-bit bands of each SimHash: a near duplicate (<= 3 bits apart) shares at least one.
CREATE TABLE document_bands (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    band        INTEGER NOT NULL CHECK (band BETWEEN 0 AND 3),
    value       INTEGER NOT NULL CHECK (value BETWEEN 0 AND 65535),
    PRIMARY KEY (document_id, band)
) STRICT, WITHOUT ROWID;

CREATE INDEX document_bands_lookup ON document_bands (band, value);
