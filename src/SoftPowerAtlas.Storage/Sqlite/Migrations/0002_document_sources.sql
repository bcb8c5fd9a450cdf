-- Every path or URL a stored text was met at: re-ingesting the same text from another folder or
-- feed records the new source against the existing document instead of failing on content_hash.
CREATE TABLE document_sources (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source      TEXT    NOT NULL,
    added_at    TEXT    NOT NULL,
    UNIQUE (source, document_id)
) STRICT;

CREATE INDEX document_sources_document ON document_sources (document_id);

-- Documents stored before this migration were met at exactly one source.
INSERT INTO document_sources (document_id, source, added_at)
SELECT id, source, ingested_at FROM documents ORDER BY id;
