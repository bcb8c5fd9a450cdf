-- Web sources followed by `atlas collect`, and what was fetched from them, so a restart continues
-- where it stopped and a page is fetched again only conditionally (ETag / Last-Modified) and
-- ingested again only when its bytes changed.
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    url             TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL CHECK (kind IN ('feed', 'listing')),
    link_pattern    TEXT,
    selector        TEXT,
    added_at        TEXT    NOT NULL,
    etag            TEXT,
    last_modified   TEXT,
    last_checked_at TEXT,
    last_status     TEXT,
    last_reason     TEXT,
    CHECK (kind = 'feed' OR link_pattern IS NOT NULL)
) STRICT;

-- One row per article address: the latest fetch of it. document_id is the document its current
-- text is stored as (a changed page is stored as a new document; the row then points to it).
CREATE TABLE fetched_items (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    url           TEXT    NOT NULL UNIQUE,
    final_url     TEXT,
    title         TEXT,
    etag          TEXT,
    last_modified TEXT,
    content_hash  TEXT,
    first_seen_at TEXT    NOT NULL,
    fetched_at    TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('new', 'updated', 'unchanged', 'duplicate', 'refused', 'failed')),
    reason        TEXT,
    http_status   INTEGER,
    document_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX fetched_items_source ON fetched_items (source_id, status);
CREATE INDEX fetched_items_document ON fetched_items (document_id) WHERE document_id IS NOT NULL;
