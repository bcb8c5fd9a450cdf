-- As in SQLite's 0005_search: the title segmented into words like segmented_text, written by ingest,
-- so both engines store the same document columns (and atlas migrate copies it). Full-text search
-- on PostgreSQL (tsvector over the segmented text) is still to come.
ALTER TABLE documents ADD COLUMN search_title text;
