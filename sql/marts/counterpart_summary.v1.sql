-- Grain: one row per counterpart country or region (key: country_code): every code that appears in
-- a meeting's counterpart_countries. Guests from an organisation without a country are not here.
-- A meeting's day is its meeting_date, or its published_date when the meeting date is unknown.
WITH met AS (
    SELECT DISTINCT meeting_id, country_code, meeting_day
    FROM (
        SELECT
            meeting_id,
            unnest(counterpart_countries) AS country_code,
            coalesce(meeting_date, published_date) AS meeting_day
        FROM analytics.meetings_v1
    )
),
theme_counts AS (
    SELECT met.country_code, t.theme, count(DISTINCT t.meeting_id) AS meetings
    FROM met
    JOIN analytics.meeting_themes_v1 AS t USING (meeting_id)
    GROUP BY ALL
),
host_counts AS (
    SELECT met.country_code, p.person_name, count(DISTINCT p.meeting_id) AS meetings
    FROM met
    JOIN analytics.participants_v1 AS p USING (meeting_id)
    WHERE p.side = 'host' AND p.role = 'lead'
    GROUP BY ALL
),
top_themes AS (
    SELECT country_code, array_to_string(list(theme ORDER BY meetings DESC, theme)[1:3], ', ') AS top_themes
    FROM theme_counts
    GROUP BY country_code
),
top_hosts AS (
    SELECT country_code, array_to_string(list(person_name ORDER BY meetings DESC, person_name)[1:3], ', ') AS top_hosts
    FROM host_counts
    GROUP BY country_code
),
per_country AS (
    SELECT
        country_code,
        count(DISTINCT meeting_id) AS meetings,
        min(meeting_day) AS first_meeting_date,
        max(meeting_day) AS last_meeting_date
    FROM met
    GROUP BY country_code
)
SELECT
    CAST(pc.country_code AS VARCHAR) AS country_code,
    CAST(coalesce(c.name, pc.country_code) AS VARCHAR) AS country_name,
    CAST(pc.meetings AS BIGINT) AS meetings,
    CAST(pc.first_meeting_date AS DATE) AS first_meeting_date,
    CAST(pc.last_meeting_date AS DATE) AS last_meeting_date,
    CAST(tt.top_themes AS VARCHAR) AS top_themes,
    CAST(th.top_hosts AS VARCHAR) AS top_hosts
FROM per_country AS pc
LEFT JOIN analytics.countries_v1 AS c ON c.code = pc.country_code
LEFT JOIN top_themes AS tt USING (country_code)
LEFT JOIN top_hosts AS th USING (country_code)
