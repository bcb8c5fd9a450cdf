-- Curators correct engagement resolution (issue 25) by stable keys: 'engagement.separate' sets a
-- report apart from the engagement it was joined to, 'engagement.join' makes two reports one;
-- 'outcome.reject' says a later report is not a commitment's outcome (the report's key in after_json).
ALTER TABLE curation_events DROP CONSTRAINT curation_events_kind_check;
ALTER TABLE curation_events ADD CONSTRAINT curation_events_kind_check
    CHECK (kind IN ('fact.set', 'commitment.status', 'entity.merge', 'entity.split', 'alias.add', 'note', 'undo', 'document.delete',
                    'engagement.separate', 'engagement.join', 'outcome.reject'));
