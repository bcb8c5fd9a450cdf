-- The bulk ingest path (issue 20) writes a batch's search rows itself, a set at a time: each new
-- document's search vector built in C# with the rule of atlas_search_words() (PostgresLexemes),
-- and the facets of its facts by one INSERT ... SELECT as 0012_search's backfill does. The insert
-- triggers of 0012_search then leave those rows alone. A writer says so for its own transaction
-- only (set_config('atlas.bulk_ingest', 'on', true)) around its inserts: every other insert, every
-- update and every delete still keeps the search rows here, row by row.
CREATE OR REPLACE FUNCTION document_search_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('atlas.bulk_ingest', true) = 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO document_search (document_id, vector)
    VALUES (NEW.id, atlas_search_vector(coalesce(NEW.search_title, NEW.title), NEW.segmented_text))
    ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector;
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION document_facets_fact() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('atlas.bulk_ingest', true) = 'on' THEN
        RETURN NULL;
    END IF;
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
