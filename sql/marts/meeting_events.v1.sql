-- Grain: one row per real-world meeting (key: event_id). Reports of the same meeting from different
-- articles or outlets (same meeting date and the same leads) are merged; an undated report is its own event.
WITH leads AS (
    SELECT meeting_id, list_sort(list(DISTINCT person_id)) AS lead_ids
    FROM analytics.participants_v2
    WHERE role = 'lead'
    GROUP BY meeting_id
),
reports AS (
    SELECT
        m.*,
        coalesce(l.lead_ids, []) AS lead_ids,
        CASE
            WHEN m.meeting_date IS NULL OR l.lead_ids IS NULL THEN 'r' || m.meeting_id
            ELSE 'e' || substr(md5(CAST(m.meeting_date AS VARCHAR) || '|' || array_to_string(l.lead_ids, ',')), 1, 16)
        END AS event_id
    FROM analytics.meetings_v1 AS m
    LEFT JOIN leads AS l USING (meeting_id)
)
SELECT
    event_id,
    min(meeting_date) AS meeting_date,
    min(location) AS location,
    any_value(lead_ids) AS lead_person_ids,
    list_distinct(flatten(list(counterpart_countries))) AS counterpart_countries,
    count(*) AS report_count,
    list_sort(list(DISTINCT source_file)) AS sources,
    list_sort(list(meeting_id)) AS meeting_ids,
    arg_min(evidence, meeting_id) AS evidence
FROM reports
GROUP BY event_id
