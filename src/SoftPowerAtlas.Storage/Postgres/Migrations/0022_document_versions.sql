-- Versions of one release (issue 25, point 2); the same table as SQLite's 0020_document_versions,
-- which says what each column means.
CREATE TABLE document_versions (
    document_id bigint           PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    original_id bigint           NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        text             NOT NULL CHECK (kind IN ('translation', 'copy')),
    shared      integer          NOT NULL,
    similarity  double precision NOT NULL
);

CREATE INDEX document_versions_original ON document_versions (original_id);
