-- Full-text search and facets on PostgreSQL, as SQLite's 0005_search: kept in step with documents
-- and the fact tables by triggers, so ingest, workers and `atlas migrate` (COPY fires them) need
-- not know about them. Nothing here is copied by `atlas migrate`: it is all rebuilt from the rows.
--
-- Words. The text is already segmented (ICU, at ingest: search_title and segmented_text hold words
-- joined by spaces), so PostgreSQL's parser is not used: it would cut Thai words at tone marks under
-- some server locales and split dates and host names its own way. atlas_search_words() splits at
-- the separators below and folds each piece like the `simple` configuration does (lower case, no
-- stemming, no stop words), and also folds Latin accents (Jérémy = jeremy). The rule depends on no
-- locale or collation. PostgresLexemes (C#) applies the same rule to queries and highlights; a test
-- holds the two to agreement, character by character.
-- Separators: ASCII and Latin-1 punctuation and symbols, Thai ฿ ๏ ๚ ๛, general punctuation
-- (dashes, curly quotes, zero-width characters), currency and other symbol blocks, CJK punctuation,
-- variation selectors, specials (U+FFFD) and emoji. Letters, digits and marks stay inside words.
CREATE FUNCTION atlas_search_words(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT coalesce(array_agg(left(w, 100) ORDER BY n), '{}')
    FROM regexp_split_to_table(
        translate(lower(body COLLATE "C"),
                  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž',
                  'aaaaaaceeeeiiiinoooooouuuuyaaaaaaceeeeiiiinoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjkkllllllllllnnnnnnoooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz'),
        E'[\\u0001-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u00BF\\u00D7\\u00F7\\u0E3F\\u0E4F\\u0E5A\\u0E5B\\u2000-\\u206F\\u20A0-\\u20CF\\u2100-\\u2BFF\\u3000-\\u303F\\uFE00-\\uFE0F\\uFEFF\\uFFF0-\\uFFFF\\U0001F000-\\U0001FAFF]+'
    ) WITH ORDINALITY AS s (w, n)
    WHERE w <> ''
$fn$;

-- The lexemes of words[1:upto] at positions 1, 2, 3... (PostgreSQL keeps positions up to 16,383 and
-- 256 of them per lexeme); the first `titled` are title words, weight A (the body has the default, D).
CREATE FUNCTION atlas_search_lexemes(words text[], titled integer, upto integer) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT coalesce(string_agg(
        '''' || replace(replace(w, chr(92), chr(92) || chr(92)), '''', '''''') || ''':'
            || least(n, 16383) || CASE WHEN n <= titled THEN 'A' ELSE '' END,
        ' '), '')::tsvector
    FROM unnest(words[1:upto]) WITH ORDINALITY AS s (w, n)
$fn$;

-- A document's vector: title words (weight A) then body words. A body of more distinct words than a
-- tsvector holds (1 MB) is indexed by its first 5,000 words rather than failing the batch.
CREATE FUNCTION atlas_search_vector(title text, body text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
    heading text[] := atlas_search_words(coalesce(title, ''));
    words   text[] := heading || atlas_search_words(coalesce(body, ''));
BEGIN
    RETURN atlas_search_lexemes(words, cardinality(heading), cardinality(words));
EXCEPTION WHEN program_limit_exceeded THEN
    RETURN atlas_search_lexemes(words, cardinality(heading), 5000);
END
$fn$;

CREATE TABLE document_search (
    document_id bigint   PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    vector      tsvector NOT NULL
);

CREATE INDEX document_search_vector ON document_search USING gin (vector);

CREATE FUNCTION document_search_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO document_search (document_id, vector)
    VALUES (NEW.id, atlas_search_vector(coalesce(NEW.search_title, NEW.title), NEW.segmented_text))
    ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER document_search_insert AFTER INSERT ON documents
FOR EACH ROW EXECUTE FUNCTION document_search_write();

CREATE TRIGGER document_search_update AFTER UPDATE OF title, search_title, segmented_text ON documents
FOR EACH ROW EXECUTE FUNCTION document_search_write();

-- Rows stored before ingest segmented titles (PostgreSQL 0004): PostgresSearchTitles fills them at open.
CREATE INDEX documents_unsegmented_title ON documents (id) WHERE search_title IS NULL AND title IS NOT NULL;

-- The date a search filters and facets by: the publication date, else the earliest dated
-- engagement (yyyy, yyyy-MM or yyyy-MM-dd; ranges and times cut to their start).
CREATE TABLE search_dates (
    document_id     bigint  PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    date            text COLLATE "C",
    from_engagement boolean NOT NULL DEFAULT false
);

CREATE INDEX search_dates_date ON search_dates (date) WHERE date IS NOT NULL;

-- One row per document and facet value: country, sector, type (of its engagements), agency (an
-- organisation taking part in one) and year (of search_dates.date).
CREATE TABLE document_facets (
    facet       text   NOT NULL CHECK (facet IN ('country', 'sector', 'type', 'agency', 'year')),
    value       text   NOT NULL,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (facet, value, document_id)
);

CREATE INDEX document_facets_document ON document_facets (document_id, facet, value);

CREATE FUNCTION search_dates_document() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO search_dates (document_id, date) VALUES (NEW.id, substr(NEW.published, 1, 10));
    ELSE
        UPDATE search_dates
        SET date = coalesce(substr(NEW.published, 1, 10),
                            (SELECT min(substr(e.date, 1, 10) COLLATE "C") FROM engagements e
                             WHERE e.document_id = NEW.id AND e.date ~ '^[12][0-9]{3}')),
            from_engagement = NEW.published IS NULL
        WHERE document_id = NEW.id;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER search_dates_document AFTER INSERT ON documents
FOR EACH ROW EXECUTE FUNCTION search_dates_document();

CREATE TRIGGER search_dates_published AFTER UPDATE OF published ON documents
FOR EACH ROW EXECUTE FUNCTION search_dates_document();

CREATE FUNCTION search_dates_engagement() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE search_dates SET date = substr(NEW.date, 1, 10), from_engagement = true
    WHERE document_id = NEW.document_id
      AND (date IS NULL OR (from_engagement AND date > substr(NEW.date, 1, 10) COLLATE "C"));
    RETURN NULL;
END
$fn$;

CREATE TRIGGER search_dates_engagement AFTER INSERT ON engagements
FOR EACH ROW WHEN (NEW.date ~ '^[12][0-9]{3}') EXECUTE FUNCTION search_dates_engagement();

CREATE FUNCTION search_dates_year() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM document_facets WHERE facet = 'year' AND document_id = NEW.document_id;
    END IF;
    IF NEW.date IS NOT NULL THEN
        INSERT INTO document_facets (facet, value, document_id) VALUES ('year', substr(NEW.date, 1, 4), NEW.document_id)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER search_dates_year_insert AFTER INSERT ON search_dates
FOR EACH ROW EXECUTE FUNCTION search_dates_year();

CREATE TRIGGER search_dates_year_update AFTER UPDATE OF date ON search_dates
FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date) EXECUTE FUNCTION search_dates_year();

-- Facet values from the fact tables as they are written; a fact removed on its own (not with its
-- document) takes its value with it when no other engagement of the document still carries it.
CREATE FUNCTION document_facets_fact() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_TABLE_NAME = 'engagements' THEN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO document_facets (facet, value, document_id) VALUES ('type', NEW.type, NEW.document_id) ON CONFLICT DO NOTHING;
        ELSE
            DELETE FROM document_facets WHERE facet = 'type' AND value = OLD.type AND document_id = OLD.document_id
              AND NOT EXISTS (SELECT 1 FROM engagements WHERE document_id = OLD.document_id AND type = OLD.type);
        END IF;
    ELSIF TG_TABLE_NAME = 'engagement_countries' THEN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO document_facets (facet, value, document_id)
            SELECT 'country', NEW.country, document_id FROM engagements WHERE id = NEW.engagement_id ON CONFLICT DO NOTHING;
        ELSE
            DELETE FROM document_facets f USING engagements e
            WHERE e.id = OLD.engagement_id AND f.facet = 'country' AND f.value = OLD.country AND f.document_id = e.document_id
              AND NOT EXISTS (SELECT 1 FROM engagement_countries c JOIN engagements o ON o.id = c.engagement_id
                              WHERE c.country = OLD.country AND o.document_id = e.document_id);
        END IF;
    ELSIF TG_TABLE_NAME = 'engagement_sectors' THEN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO document_facets (facet, value, document_id)
            SELECT 'sector', NEW.sector, document_id FROM engagements WHERE id = NEW.engagement_id ON CONFLICT DO NOTHING;
        ELSE
            DELETE FROM document_facets f USING engagements e
            WHERE e.id = OLD.engagement_id AND f.facet = 'sector' AND f.value = OLD.sector AND f.document_id = e.document_id
              AND NOT EXISTS (SELECT 1 FROM engagement_sectors s JOIN engagements o ON o.id = s.engagement_id
                              WHERE s.sector = OLD.sector AND o.document_id = e.document_id);
        END IF;
    ELSIF TG_TABLE_NAME = 'engagement_parties' AND NEW.side <> 'person' THEN
        INSERT INTO document_facets (facet, value, document_id)
        SELECT 'agency', en.key, e.document_id FROM engagements e, entities en
        WHERE e.id = NEW.engagement_id AND en.id = NEW.entity_id ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER document_facets_type AFTER INSERT OR DELETE ON engagements
FOR EACH ROW EXECUTE FUNCTION document_facets_fact();

CREATE TRIGGER document_facets_country AFTER INSERT OR DELETE ON engagement_countries
FOR EACH ROW EXECUTE FUNCTION document_facets_fact();

CREATE TRIGGER document_facets_sector AFTER INSERT OR DELETE ON engagement_sectors
FOR EACH ROW EXECUTE FUNCTION document_facets_fact();

CREATE TRIGGER document_facets_agency AFTER INSERT ON engagement_parties
FOR EACH ROW EXECUTE FUNCTION document_facets_fact();

-- agency: filters look names up in any case: 0009_read_indexes made those indexes.

-- Everything stored before this migration.
INSERT INTO document_search (document_id, vector)
SELECT id, atlas_search_vector(coalesce(search_title, title), segmented_text) FROM documents;

INSERT INTO search_dates (document_id, date, from_engagement)
SELECT d.id,
       coalesce(substr(d.published, 1, 10),
                (SELECT min(substr(e.date, 1, 10) COLLATE "C") FROM engagements e
                 WHERE e.document_id = d.id AND e.date ~ '^[12][0-9]{3}')),
       d.published IS NULL
FROM documents d;

INSERT INTO document_facets (facet, value, document_id)
SELECT 'type', type, document_id FROM engagements
ON CONFLICT DO NOTHING;

INSERT INTO document_facets (facet, value, document_id)
SELECT 'country', c.country, e.document_id FROM engagement_countries c JOIN engagements e ON e.id = c.engagement_id
ON CONFLICT DO NOTHING;

INSERT INTO document_facets (facet, value, document_id)
SELECT 'sector', s.sector, e.document_id FROM engagement_sectors s JOIN engagements e ON e.id = s.engagement_id
ON CONFLICT DO NOTHING;

INSERT INTO document_facets (facet, value, document_id)
SELECT 'agency', en.key, e.document_id
FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id JOIN entities en ON en.id = p.entity_id
WHERE p.side <> 'person'
ON CONFLICT DO NOTHING;
