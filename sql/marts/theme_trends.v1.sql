-- Grain: one row per theme per calendar month (key: theme, month): every taxonomy theme for every
-- month from the first to the last month with a meeting, with 0 when no meeting raised the theme.
-- A meeting's month is that of meeting_date, or of published_date when the meeting date is unknown;
-- meetings with neither are left out.
WITH meeting_months AS (
    SELECT meeting_id, CAST(date_trunc('month', coalesce(meeting_date, published_date)) AS DATE) AS month
    FROM analytics.meetings_v1
),
months AS (
    SELECT CAST(unnest(generate_series(CAST(min(month) AS TIMESTAMP), CAST(max(month) AS TIMESTAMP), INTERVAL 1 MONTH)) AS DATE) AS month
    FROM meeting_months
),
month_meetings AS (
    SELECT month, count(*) AS meetings
    FROM meeting_months
    WHERE month IS NOT NULL
    GROUP BY month
),
theme_meetings AS (
    SELECT
        mm.month,
        t.theme,
        count(DISTINCT t.meeting_id) AS meetings,
        count(DISTINCT t.meeting_id) FILTER (WHERE t.raised_by IN ('host', 'both')) AS raised_by_host,
        count(DISTINCT t.meeting_id) FILTER (WHERE t.raised_by IN ('guest', 'both')) AS raised_by_guest
    FROM analytics.meeting_themes_v1 AS t
    JOIN meeting_months AS mm USING (meeting_id)
    WHERE mm.month IS NOT NULL
    GROUP BY ALL
)
SELECT
    CAST(th.code AS VARCHAR) AS theme,
    CAST(th.label AS VARCHAR) AS theme_label,
    CAST(mo.month AS DATE) AS month,
    CAST(coalesce(tm.meetings, 0) AS BIGINT) AS meetings,
    CAST(coalesce(tm.raised_by_host, 0) AS BIGINT) AS raised_by_host,
    CAST(coalesce(tm.raised_by_guest, 0) AS BIGINT) AS raised_by_guest,
    CAST(coalesce(mm.meetings, 0) AS BIGINT) AS month_meetings,
    CAST(CASE WHEN mm.meetings > 0 THEN round(coalesce(tm.meetings, 0) / mm.meetings, 4) END AS DOUBLE)
        AS share_of_meetings
FROM analytics.themes_v1 AS th
CROSS JOIN months AS mo
LEFT JOIN month_meetings AS mm ON mm.month = mo.month
LEFT JOIN theme_meetings AS tm ON tm.theme = th.code AND tm.month = mo.month
