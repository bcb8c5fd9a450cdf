-- A document taken back out (atlas delete, DELETE /api/documents/{id}) is an audit event of kind
-- 'document.delete' on document:CONTENT_HASH, kept after the document is gone.
ALTER TABLE curation_events DROP CONSTRAINT curation_events_kind_check;
ALTER TABLE curation_events ADD CONSTRAINT curation_events_kind_check
    CHECK (kind IN ('fact.set', 'commitment.status', 'entity.merge', 'entity.split', 'alias.add', 'note', 'undo', 'document.delete'));
