-- Curation (0011) changes fact rows in place; 0012_search followed inserts and deletes only. As
-- SQLite's 0011_curation: an engagement's new type and date, and an agency removed from an
-- engagement, reach the facets and the search date.
CREATE FUNCTION document_facets_type_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM document_facets WHERE facet = 'type' AND value = OLD.type AND document_id = OLD.document_id
      AND NOT EXISTS (SELECT 1 FROM engagements WHERE document_id = OLD.document_id AND type = OLD.type);
    INSERT INTO document_facets (facet, value, document_id) VALUES ('type', NEW.type, NEW.document_id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER document_facets_type_update AFTER UPDATE OF type ON engagements
FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type) EXECUTE FUNCTION document_facets_type_update();

CREATE FUNCTION search_dates_engagement_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE search_dates
    SET date = coalesce((SELECT substr(published, 1, 10) FROM documents WHERE id = NEW.document_id),
                        (SELECT min(substr(date, 1, 10) COLLATE "C") FROM engagements
                         WHERE document_id = NEW.document_id AND date ~ '^[12][0-9]{3}')),
        from_engagement = (SELECT published IS NULL FROM documents WHERE id = NEW.document_id)
    WHERE document_id = NEW.document_id;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER search_dates_engagement_update AFTER UPDATE OF date ON engagements
FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date) EXECUTE FUNCTION search_dates_engagement_update();

CREATE FUNCTION document_facets_agency_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM document_facets f USING engagements e, entities en
    WHERE e.id = OLD.engagement_id AND en.id = OLD.entity_id
      AND f.facet = 'agency' AND f.value = en.key AND f.document_id = e.document_id
      AND NOT EXISTS (SELECT 1 FROM engagement_parties p JOIN engagements o ON o.id = p.engagement_id
                      WHERE p.entity_id = OLD.entity_id AND p.side <> 'person' AND o.document_id = e.document_id);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER document_facets_agency_delete AFTER DELETE ON engagement_parties
FOR EACH ROW WHEN (OLD.side <> 'person') EXECUTE FUNCTION document_facets_agency_delete();
