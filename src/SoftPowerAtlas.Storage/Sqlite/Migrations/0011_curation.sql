-- Curation (Curation/): every edit a person makes is an event in curation_events, kept by stable
-- keys rather than row ids, so it is applied again after a document is ingested or extracted again.
--
-- fact_key: the stable name of an engagement or commitment, written with its row from what
-- extraction produced (16 hex digits of SHA-256 over the document's content hash and the passage;
-- Facts/CommitmentKey.cs, Curation/FactKeys.cs). A corrected due date does not change it.
-- Rows stored before this migration get theirs when the store opens (FactKeys.Backfill).
ALTER TABLE engagements ADD COLUMN fact_key TEXT;
ALTER TABLE commitments ADD COLUMN fact_key TEXT;
CREATE INDEX engagements_fact_key ON engagements (fact_key);
CREATE INDEX commitments_fact_key ON commitments (fact_key);

-- The audit log. target: fact:KEY, entity:KEY or document:CONTENT_HASH; content_hash: the document
-- a fact or document target lives in (what ingest looks events up by); before_json/after_json: the
-- state the edit replaced and the one it made. An undo is an event of its own (kind 'undo', undoes =
-- the event), and the undone event points back at it (undone_by). No foreign keys: an event outlives
-- its target, and events copy to PostgreSQL in id order.
CREATE TABLE curation_events (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('fact.set', 'commitment.status', 'entity.merge', 'entity.split', 'alias.add', 'note', 'undo')),
    target       TEXT    NOT NULL,
    content_hash TEXT,
    before_json  TEXT,
    after_json   TEXT,
    undoes       INTEGER,
    undone_by    INTEGER
) STRICT;

CREATE INDEX curation_events_target ON curation_events (target);
CREATE INDEX curation_events_content_hash ON curation_events (content_hash) WHERE content_hash IS NOT NULL;

-- Done marks become curation events: one mechanism for every edit.
INSERT INTO curation_events (at, actor, kind, target, content_hash, before_json, after_json)
SELECT changed_at, 'migrated', 'commitment.status', 'fact:' || commitment_key, content_hash,
       '{"status":"open"}', json_object('status', 'done', 'note', note)
FROM commitment_status ORDER BY changed_at, commitment_key;

DROP TABLE commitment_status;

-- Curation changes fact rows in place: keep search's facets and dates in step with updates too
-- (0005_search.sql follows inserts and deletes only).
CREATE TRIGGER document_facets_type_update AFTER UPDATE OF type ON engagements BEGIN
    DELETE FROM document_facets WHERE facet = 'type' AND value = OLD.type AND document_id = OLD.document_id
      AND NOT EXISTS (SELECT 1 FROM engagements WHERE document_id = OLD.document_id AND type = OLD.type);
    INSERT OR IGNORE INTO document_facets (facet, value, document_id) VALUES ('type', NEW.type, NEW.document_id);
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER search_dates_engagement_update AFTER UPDATE OF date ON engagements BEGIN
    UPDATE search_dates
    SET date = coalesce((SELECT substr(published, 1, 10) FROM documents WHERE id = NEW.document_id),
                        (SELECT min(substr(date, 1, 10)) FROM engagements
                         WHERE document_id = NEW.document_id AND date GLOB '[12][0-9][0-9][0-9]*'))
    WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER document_facets_agency_delete AFTER DELETE ON engagement_parties WHEN OLD.side <> 'person' BEGIN
    DELETE FROM document_facets WHERE facet = 'agency'
      AND value = (SELECT key FROM entities WHERE id = OLD.entity_id)
      AND document_id = (SELECT document_id FROM engagements WHERE id = OLD.engagement_id)
      AND NOT EXISTS (SELECT 1 FROM engagement_parties p JOIN engagements e ON e.id = p.engagement_id
                      WHERE p.entity_id = OLD.entity_id AND p.side <> 'person'
                        AND e.document_id = (SELECT document_id FROM engagements WHERE id = OLD.engagement_id));
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER search_state_country_change AFTER INSERT ON engagement_countries BEGIN
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER search_state_sector_change AFTER INSERT ON engagement_sectors BEGIN
    UPDATE search_state SET version = version + 1 WHERE id = 1;
END;
