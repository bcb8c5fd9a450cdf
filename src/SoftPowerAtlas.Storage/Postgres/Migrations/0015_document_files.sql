-- As SQLite's 0014_document_files: the file a PDF, Word or image document was read from, and its
-- page starts (a JSON array of UTF-16 offsets into documents.original_text).
CREATE TABLE document_files (
    document_id bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    media_type  text   NOT NULL,
    bytes       bytea  NOT NULL,
    page_starts text   NOT NULL
);
