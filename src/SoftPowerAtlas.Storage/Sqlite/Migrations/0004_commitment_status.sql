-- What a user said of a commitment (done, with a note), kept by the commitment's stable key:
-- 16 hex digits of SHA-256 over the document's content hash, the sentence and the due date as
-- written (see Facts/CommitmentKey.cs). No foreign key: a status outlives its document being
-- deleted, ingested again or extracted again, and applies again when the same text comes back.
CREATE TABLE commitment_status (
    commitment_key TEXT NOT NULL PRIMARY KEY CHECK (length(commitment_key) = 16),
    content_hash   TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('done')),
    note           TEXT,
    what           TEXT NOT NULL,
    due            TEXT,
    changed_at     TEXT NOT NULL
) STRICT;
