-- Each document's long texts kept once and compressed (PackedText: Brotli over UTF-8 behind a
-- five-byte header): the original, the cleaned text and the facts JSON. New rows keep '' in
-- original_text and clean_text and NULL in facts_json; rows stored before stay as they are (TOAST
-- already compresses them) and are read from their plain columns. segmented_text stays plain: the
-- search vector is built from it. STORAGE EXTERNAL: the bytes are compressed already, so TOAST
-- should not try again.
ALTER TABLE documents ADD COLUMN original_packed bytea;
ALTER TABLE documents ADD COLUMN clean_packed bytea;
ALTER TABLE documents ADD COLUMN facts_packed bytea;
ALTER TABLE documents ALTER COLUMN original_packed SET STORAGE EXTERNAL;
ALTER TABLE documents ALTER COLUMN clean_packed SET STORAGE EXTERNAL;
ALTER TABLE documents ALTER COLUMN facts_packed SET STORAGE EXTERNAL;

-- mentions_entity_document (entity_id, document_id) answers every lookup by entity this one did.
DROP INDEX mentions_entity;
