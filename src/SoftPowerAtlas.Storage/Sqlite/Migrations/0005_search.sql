-- Full-text search and facets, kept in step with the documents and fact tables by triggers, so
-- nothing that writes documents or facts has to know about them.
--
-- documents.search_title: the title segmented into words like segmented_text (ingest fills it with
-- the same ICU segmenter; rows stored before this migration keep the raw title until re-segmented
-- by SqliteAtlasStore.Open). The index reads coalesce(search_title, title).
ALTER TABLE documents ADD COLUMN search_title TEXT;
CREATE INDEX documents_unsegmented_title ON documents (id) WHERE search_title IS NULL AND title IS NOT NULL;

-- External-content FTS5 index over the title and the segmented body; the text itself stays in
-- documents. unicode61 splits on anything but letters, digits, private use and marks (M* keeps
-- Thai vowel and tone marks inside their words; the default would cut เกาหลี into เกาหล + ี),
-- folds case and Latin diacritics (Jérémy = Jeremy); porter stems English (signed = signing = sign)
-- and leaves Thai, which has no ASCII suffixes, as it is.
CREATE VIRTUAL TABLE document_text USING fts5(
    search_title,
    segmented_text,
    content = 'documents',
    content_rowid = 'id',
    tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);

CREATE TRIGGER document_text_insert AFTER INSERT ON documents BEGIN
    INSERT INTO document_text (rowid, search_title, segmented_text)
    VALUES (NEW.id, coalesce(NEW.search_title, NEW.title), NEW.segmented_text);
END;

CREATE TRIGGER document_text_delete AFTER DELETE ON documents BEGIN
    INSERT INTO document_text (document_text, rowid, search_title, segmented_text)
    VALUES ('delete', OLD.id, coalesce(OLD.search_title, OLD.title), OLD.segmented_text);
END;

CREATE TRIGGER document_text_update AFTER UPDATE OF title, search_title, segmented_text ON documents BEGIN
    INSERT INTO document_text (document_text, rowid, search_title, segmented_text)
    VALUES ('delete', OLD.id, coalesce(OLD.search_title, OLD.title), OLD.segmented_text);
    INSERT INTO document_text (rowid, search_title, segmented_text)
    VALUES (NEW.id, coalesce(NEW.search_title, NEW.title), NEW.segmented_text);
END;

-- The date a search filters and facets by: the publication date, else the earliest dated
-- engagement of the document (yyyy, yyyy-MM or yyyy-MM-dd; ranges and times cut to their start).
CREATE TABLE search_dates (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    date        TEXT,
    from_engagement INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX search_dates_date ON search_dates (date) WHERE date IS NOT NULL;

-- One row per document and facet value: country, sector, type (of its engagements), agency (an
-- organisation taking part in one: agency:, body:, org: keys) and year (of search_dates.date).
CREATE TABLE document_facets (
    facet       TEXT    NOT NULL CHECK (facet IN ('country', 'sector', 'type', 'agency', 'year')),
    value       TEXT    NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (facet, value, document_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX document_facets_document ON document_facets (document_id, facet, value);

CREATE TRIGGER search_dates_document AFTER INSERT ON documents BEGIN
    INSERT INTO search_dates (document_id, date) VALUES (NEW.id, substr(NEW.published, 1, 10));
END;

CREATE TRIGGER search_dates_published AFTER UPDATE OF published ON documents BEGIN
    UPDATE search_dates
    SET date = coalesce(substr(NEW.published, 1, 10),
                        (SELECT min(substr(date, 1, 10)) FROM engagements
                         WHERE document_id = NEW.id AND date GLOB '[12][0-9][0-9][0-9]*')),
        from_engagement = NEW.published IS NULL
    WHERE document_id = NEW.id;
END;

CREATE TRIGGER search_dates_engagement AFTER INSERT ON engagements
WHEN NEW.date GLOB '[12][0-9][0-9][0-9]*' BEGIN
    UPDATE search_dates SET date = substr(NEW.date, 1, 10), from_engagement = 1
    WHERE document_id = NEW.document_id
      AND (date IS NULL OR (from_engagement = 1 AND date > substr(NEW.date, 1, 10)));
END;

CREATE TRIGGER search_dates_year_insert AFTER INSERT ON search_dates WHEN NEW.date IS NOT NULL BEGIN
    INSERT OR IGNORE INTO document_facets (facet, value, document_id) VALUES ('year', substr(NEW.date, 1, 4), NEW.document_id);
END;

CREATE TRIGGER search_dates_year_update AFTER UPDATE OF date ON search_dates BEGIN
    DELETE FROM document_facets WHERE facet = 'year' AND document_id = NEW.document_id;
    INSERT OR IGNORE INTO document_facets (facet, value, document_id)
    SELECT 'year', substr(NEW.date, 1, 4), NEW.document_id WHERE NEW.date IS NOT NULL;
END;

CREATE TRIGGER document_facets_type AFTER INSERT ON engagements BEGIN
    INSERT OR IGNORE INTO document_facets (facet, value, document_id) VALUES ('type', NEW.type, NEW.document_id);
END;

CREATE TRIGGER document_facets_country AFTER INSERT ON engagement_countries BEGIN
    INSERT OR IGNORE INTO document_facets (facet, value, document_id)
    SELECT 'country', NEW.country, document_id FROM engagements WHERE id = NEW.engagement_id;
END;

CREATE TRIGGER document_facets_sector AFTER INSERT ON engagement_sectors BEGIN
    INSERT OR IGNORE INTO document_facets (facet, value, document_id)
    SELECT 'sector', NEW.sector, document_id FROM engagements WHERE id = NEW.engagement_id;
END;

CREATE TRIGGER document_facets_agency AFTER INSERT ON engagement_parties WHEN NEW.side <> 'person' BEGIN
    INSERT OR IGNORE INTO document_facets (facet, value, document_id)
    SELECT 'agency', en.key, e.document_id FROM engagements e, entities en
    WHERE e.id = NEW.engagement_id AND en.id = NEW.entity_id;
END;

-- A fact removed on its own (not with its document) takes its facet value with it when no other
-- engagement of the document still carries it.
CREATE TRIGGER document_facets_type_delete AFTER DELETE ON engagements BEGIN
    DELETE FROM document_facets WHERE facet = 'type' AND value = OLD.type AND document_id = OLD.document_id
      AND NOT EXISTS (SELECT 1 FROM engagements WHERE document_id = OLD.document_id AND type = OLD.type);
END;

CREATE TRIGGER document_facets_country_delete AFTER DELETE ON engagement_countries BEGIN
    DELETE FROM document_facets WHERE facet = 'country' AND value = OLD.country
      AND document_id = (SELECT document_id FROM engagements WHERE id = OLD.engagement_id)
      AND NOT EXISTS (SELECT 1 FROM engagement_countries c JOIN engagements e ON e.id = c.engagement_id
                      WHERE c.country = OLD.country
                        AND e.document_id = (SELECT document_id FROM engagements WHERE id = OLD.engagement_id));
END;

CREATE TRIGGER document_facets_sector_delete AFTER DELETE ON engagement_sectors BEGIN
    DELETE FROM document_facets WHERE facet = 'sector' AND value = OLD.sector
      AND document_id = (SELECT document_id FROM engagements WHERE id = OLD.engagement_id)
      AND NOT EXISTS (SELECT 1 FROM engagement_sectors s JOIN engagements e ON e.id = s.engagement_id
                      WHERE s.sector = OLD.sector
                        AND e.document_id = (SELECT document_id FROM engagements WHERE id = OLD.engagement_id));
END;

-- Backfill: everything stored before this migration.
INSERT INTO document_text (rowid, search_title, segmented_text)
SELECT id, title, segmented_text FROM documents;

INSERT INTO search_dates (document_id, date, from_engagement)
SELECT d.id,
       coalesce(substr(d.published, 1, 10),
                (SELECT min(substr(date, 1, 10)) FROM engagements
                 WHERE document_id = d.id AND date GLOB '[12][0-9][0-9][0-9]*')),
       d.published IS NULL
FROM documents d;

INSERT OR IGNORE INTO document_facets (facet, value, document_id)
SELECT 'type', type, document_id FROM engagements;

INSERT OR IGNORE INTO document_facets (facet, value, document_id)
SELECT 'country', c.country, e.document_id FROM engagement_countries c JOIN engagements e ON e.id = c.engagement_id;

INSERT OR IGNORE INTO document_facets (facet, value, document_id)
SELECT 'sector', s.sector, e.document_id FROM engagement_sectors s JOIN engagements e ON e.id = s.engagement_id;

INSERT OR IGNORE INTO document_facets (facet, value, document_id)
SELECT 'agency', en.key, e.document_id
FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id JOIN entities en ON en.id = p.entity_id
WHERE p.side <> 'person';

-- Entity search looks aliases up case-insensitively and counts each entity's documents from the
-- index alone.
CREATE INDEX entity_aliases_alias_nocase ON entity_aliases (alias COLLATE NOCASE);
CREATE INDEX mentions_entity_document ON mentions (entity_id, document_id);

-- Bumped whenever documents or their engagements come or go: a search process caching the facet
-- table in memory reloads it when this changes.
CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;

INSERT INTO search_state (id, version) VALUES (1, 0);

CREATE TRIGGER search_state_document_insert AFTER INSERT ON documents BEGIN
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER search_state_document_delete AFTER DELETE ON documents BEGIN
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER search_state_engagement_insert AFTER INSERT ON engagements BEGIN
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER search_state_engagement_delete AFTER DELETE ON engagements BEGIN
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;
