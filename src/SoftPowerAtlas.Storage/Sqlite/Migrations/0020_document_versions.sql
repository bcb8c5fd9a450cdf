-- Versions of one release (issue 25, point 2): a document that is a translation of another stored
-- document (the Thai release and its English version), or a copy another site republished with
-- edits too large for the near-duplicate link (documents.near_duplicate_of), points to the earlier
-- stored one. Found when its engagements are resolved (Resolution/Versions): it shares an engagement
-- with the original and states the same numbers. Its facts stay, but a commitment it restates is
-- listed once, under the original's. A document is a version of at most one original.
CREATE TABLE document_versions (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    original_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('translation', 'copy')),
    shared      INTEGER NOT NULL,
    similarity  REAL    NOT NULL
) STRICT;

CREATE INDEX document_versions_original ON document_versions (original_id);
