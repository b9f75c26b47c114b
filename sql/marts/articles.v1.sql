-- Grain: one row per article (key: article_id), whether or not it reports a meeting.
-- Reads pinned versions (_v1) so a new version of an upstream model never changes this one.
WITH meetings AS (
    SELECT article_id, count(*) AS meeting_count
    FROM analytics.meetings_v1
    GROUP BY article_id
),
participants AS (
    SELECT m.article_id, count(*) AS participant_count
    FROM analytics.participants_v1 AS p
    JOIN analytics.meetings_v1 AS m USING (meeting_id)
    GROUP BY m.article_id
)
SELECT
    CAST(a.article_id AS VARCHAR) AS article_id,
    CAST(a.source_file AS VARCHAR) AS source_file,
    CAST(a.headline AS VARCHAR) AS headline,
    CAST(a.published_date AS DATE) AS published_date,
    CAST(a.url AS VARCHAR) AS url,
    CAST(coalesce(m.meeting_count, 0) AS BIGINT) AS meeting_count,
    CAST(coalesce(p.participant_count, 0) AS BIGINT) AS participant_count
FROM core.articles AS a
LEFT JOIN meetings AS m USING (article_id)
LEFT JOIN participants AS p USING (article_id)
