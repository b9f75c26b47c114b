-- Grain: one row per person taking part in a meeting (key: meeting_id, person_name).
-- v2 adds person_id: the same person across articles (same name, accents and case ignored, and same country).
SELECT
    p.meeting_id,
    p.source_file,
    p.person_name,
    p.title,
    p.organization,
    p.country,
    p.side,
    p.role,
    p.evidence,
    substr(md5(lower(strip_accents(trim(p.person_name))) || '|' || coalesce(p.country, '')), 1, 16) AS person_id
FROM analytics.participants_v1 AS p
