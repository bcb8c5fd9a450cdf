-- Reports of one engagement across documents (issue 25). Each engagement whose date covers a known
-- span of at most 62 days gets a row when its document's facts are written: the days it covers (day
-- numbers, first and last inclusive), whether its date names days (exact) or only a month, and the
-- cluster it is in: the id of one of its reports (the oldest label when two clusters become one), its
-- own id when no other report matched (EngagementResolver decides). An engagement without a row is a
-- cluster of its own.
CREATE TABLE engagement_links (
    engagement_id INTEGER PRIMARY KEY REFERENCES engagements (id) ON DELETE CASCADE,
    cluster_id    INTEGER NOT NULL,
    day_from      INTEGER NOT NULL,
    day_to        INTEGER NOT NULL,
    exact         INTEGER NOT NULL CHECK (exact IN (0, 1))
) STRICT;

CREATE INDEX engagement_links_cluster ON engagement_links (cluster_id);

-- Where resolution finds candidates: one row per party key (p:agency:cea), partner country (c:JP) and
-- sector (s:film) of each linked engagement, with its first day. Two reports of one engagement share
-- a sign and start within a day of each other, so a new report looks up its own signs over three days
-- (an index seek each), never the days around it.
CREATE TABLE engagement_signs (
    sign          TEXT    NOT NULL,
    day           INTEGER NOT NULL,
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    PRIMARY KEY (sign, day, engagement_id)
) STRICT;

CREATE INDEX engagement_signs_engagement ON engagement_signs (engagement_id);

-- A cluster's label is always one of its live engagements: when the one it was taken from goes
-- (its document deleted or its facts rewritten), the rest take the smallest id left. SQLite may
-- give a deleted row's id to a new engagement, which must not find itself in an old cluster.
CREATE TRIGGER engagement_links_relabel AFTER DELETE ON engagement_links
WHEN OLD.engagement_id = OLD.cluster_id BEGIN
    UPDATE engagement_links
    SET cluster_id = (SELECT min(engagement_id) FROM engagement_links WHERE cluster_id = OLD.cluster_id)
    WHERE cluster_id = OLD.cluster_id;
END;
