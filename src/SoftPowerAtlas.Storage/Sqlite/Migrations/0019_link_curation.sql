-- Curators correct engagement resolution (issue 25) by stable keys: 'engagement.separate' sets a
-- report apart from the engagement it was joined to, 'engagement.join' makes two reports one, and
-- 'outcome.reject' says a later report is not a commitment's outcome (the report's key in after_json).
-- SQLite cannot change a CHECK constraint in place, so the log is copied into a table that allows the
-- new kinds, ids and all (as 0015 did).
CREATE TABLE curation_events_new (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('fact.set', 'commitment.status', 'entity.merge', 'entity.split', 'alias.add', 'note', 'undo', 'document.delete',
                                                  'engagement.separate', 'engagement.join', 'outcome.reject')),
    target       TEXT    NOT NULL,
    content_hash TEXT,
    before_json  TEXT,
    after_json   TEXT,
    undoes       INTEGER,
    undone_by    INTEGER
) STRICT;

INSERT INTO curation_events_new (id, at, actor, kind, target, content_hash, before_json, after_json, undoes, undone_by)
SELECT id, at, actor, kind, target, content_hash, before_json, after_json, undoes, undone_by FROM curation_events ORDER BY id;

DROP TABLE curation_events;
ALTER TABLE curation_events_new RENAME TO curation_events;
CREATE INDEX curation_events_target ON curation_events (target);
CREATE INDEX curation_events_content_hash ON curation_events (content_hash) WHERE content_hash IS NOT NULL;
