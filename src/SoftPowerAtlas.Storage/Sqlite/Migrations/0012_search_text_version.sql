-- A search process holds per-clause match sets in memory for one search_state.version; a change to
-- a document's indexed text (a title segmented again, a corrected text) changes what a clause
-- matches and how it scores, so it moves the version too. Nothing to backfill.
CREATE TRIGGER search_state_document_text AFTER UPDATE OF title, search_title, segmented_text ON documents BEGIN
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;
