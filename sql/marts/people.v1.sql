-- Grain: one row per distinct person (key: person_id) across every meeting they took part in.
SELECT
    p.person_id,
    min(p.person_name) AS person_name,
    list_distinct(list(p.title) FILTER (WHERE p.title IS NOT NULL)) AS titles,
    min(p.country) AS country,
    min(m.meeting_date) AS first_meeting_date,
    max(m.meeting_date) AS last_meeting_date,
    count(DISTINCT p.meeting_id) AS meeting_count
FROM analytics.participants_v2 AS p
JOIN analytics.meetings_v1 AS m USING (meeting_id)
GROUP BY p.person_id
