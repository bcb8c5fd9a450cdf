-- Reports of one engagement across documents (issue 25); the same table as SQLite's
-- 0018_engagement_links, which says what each column means.
CREATE TABLE engagement_links (
    engagement_id bigint  PRIMARY KEY REFERENCES engagements (id) ON DELETE CASCADE,
    cluster_id    bigint  NOT NULL,
    day_from      integer NOT NULL,
    day_to        integer NOT NULL,
    exact         boolean NOT NULL
);

CREATE INDEX engagement_links_cluster ON engagement_links (cluster_id);

CREATE TABLE engagement_signs (
    sign          text    NOT NULL,
    day           integer NOT NULL,
    engagement_id bigint  NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    PRIMARY KEY (sign, day, engagement_id)
);

CREATE INDEX engagement_signs_engagement ON engagement_signs (engagement_id);

-- A cluster's label is always one of its live engagements (see SQLite's 0018_engagement_links).
CREATE FUNCTION engagement_links_relabel() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF OLD.engagement_id = OLD.cluster_id THEN
        UPDATE engagement_links
        SET cluster_id = (SELECT min(engagement_id) FROM engagement_links WHERE cluster_id = OLD.cluster_id)
        WHERE cluster_id = OLD.cluster_id;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER engagement_links_relabel AFTER DELETE ON engagement_links
FOR EACH ROW EXECUTE FUNCTION engagement_links_relabel();
