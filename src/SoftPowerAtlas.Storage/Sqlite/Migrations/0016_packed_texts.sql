-- Each document's long texts kept once and compressed (PackedText: Brotli over UTF-8 behind a
-- five-byte header): the original, the cleaned text and the facts JSON, which took four fifths of a
-- store (docs/BENCHMARKS.md §17). A packed row keeps '' in original_text and clean_text (NOT NULL
-- columns that only a rebuild of documents could drop, and the search index and nine tables hang on
-- it) and NULL in facts_json. segmented_text stays plain: the FTS5 index reads it as its content.
-- atlas_pack is the store's own function (SqliteAtlasStore registers it before migrating).
ALTER TABLE documents ADD COLUMN original_packed BLOB;
ALTER TABLE documents ADD COLUMN clean_packed BLOB;
ALTER TABLE documents ADD COLUMN facts_packed BLOB;

UPDATE documents
SET original_packed = atlas_pack(original_text), original_text = '',
    clean_packed = atlas_pack(clean_text), clean_text = '',
    facts_packed = atlas_pack(facts_json), facts_json = NULL;

-- mentions_entity_document (entity_id, document_id) answers every lookup by entity this one did.
DROP INDEX mentions_entity;
