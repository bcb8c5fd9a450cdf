-- The bulk ingest path (issue 20) builds each new document's search vector in C# with the rule of
-- atlas_search_words() (PostgresLexemes) and inserts it with the documents, a set at a time; the
-- insert trigger of 0012_search then leaves those rows alone. A writer says so for its transaction
-- only (set_config(..., true)), around its own insert: every other insert, and every update of a
-- title or text, still builds the vector here.
CREATE OR REPLACE FUNCTION document_search_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('atlas.search_vectors_written', true) = 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO document_search (document_id, vector)
    VALUES (NEW.id, atlas_search_vector(coalesce(NEW.search_title, NEW.title), NEW.segmented_text))
    ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector;
    RETURN NULL;
END
$fn$;
