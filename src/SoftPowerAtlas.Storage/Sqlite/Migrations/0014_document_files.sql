-- The file a PDF, Word or image document was read from: its bytes (offered for download as the
-- original), media type, and where each page starts, a JSON array of UTF-16 offsets into
-- documents.original_text (the text read out of the file, which every fact offset points into).
CREATE TABLE document_files (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    media_type  TEXT    NOT NULL,
    bytes       BLOB    NOT NULL,
    page_starts TEXT    NOT NULL
) STRICT;
