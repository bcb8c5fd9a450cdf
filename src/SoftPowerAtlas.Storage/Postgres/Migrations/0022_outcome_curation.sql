-- A curator rejects a later report as the outcome of a commitment (issue 25): 'outcome.reject' on
-- fact:COMMITMENT_KEY, the report's key in after_json.
ALTER TABLE curation_events DROP CONSTRAINT curation_events_kind_check;
ALTER TABLE curation_events ADD CONSTRAINT curation_events_kind_check
    CHECK (kind IN ('fact.set', 'commitment.status', 'entity.merge', 'entity.split', 'alias.add', 'note', 'undo', 'document.delete',
                    'engagement.separate', 'engagement.join', 'outcome.reject'));
