-- Grain: one row per calendar month from the first to the last month with a meeting (key: month),
-- months without meetings included with zeros; plus one row with a NULL month when some meetings
-- have neither a meeting date nor a published date. A meeting's month is that of meeting_date, or
-- of published_date when the meeting date is unknown (the meeting happened on or before it).
WITH dated AS (
    SELECT
        meeting_id,
        article_id,
        counterpart_countries,
        counterpart_org,
        meeting_date IS NULL AS undated,
        CAST(date_trunc('month', coalesce(meeting_date, published_date)) AS DATE) AS month
    FROM analytics.meetings_v1
),
people AS (
    SELECT meeting_id, count(*) AS participants
    FROM analytics.participants_v1
    GROUP BY meeting_id
),
by_month AS (
    SELECT
        d.month,
        count(*) AS meetings,
        count(*) FILTER (WHERE d.undated) AS undated_meetings,
        count(DISTINCT d.article_id) AS articles,
        len(list_distinct(flatten(list(d.counterpart_countries)))) AS counterpart_countries,
        count(DISTINCT d.counterpart_org) AS counterpart_orgs,
        sum(coalesce(p.participants, 0)) AS participants
    FROM dated AS d
    LEFT JOIN people AS p USING (meeting_id)
    GROUP BY d.month
),
months AS (
    SELECT CAST(unnest(generate_series(CAST(min(month) AS TIMESTAMP), CAST(max(month) AS TIMESTAMP), INTERVAL 1 MONTH)) AS DATE) AS month
    FROM by_month
    UNION ALL
    SELECT month FROM by_month WHERE month IS NULL
)
SELECT
    CAST(months.month AS DATE) AS month,
    CAST(coalesce(b.meetings, 0) AS BIGINT) AS meetings,
    CAST(coalesce(b.undated_meetings, 0) AS BIGINT) AS undated_meetings,
    CAST(coalesce(b.articles, 0) AS BIGINT) AS articles,
    CAST(coalesce(b.counterpart_countries, 0) AS BIGINT) AS counterpart_countries,
    CAST(coalesce(b.counterpart_orgs, 0) AS BIGINT) AS counterpart_orgs,
    CAST(coalesce(b.participants, 0) AS BIGINT) AS participants
FROM months
LEFT JOIN by_month AS b ON b.month IS NOT DISTINCT FROM months.month
