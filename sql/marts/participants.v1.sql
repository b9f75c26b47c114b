-- Grain: one row per person taking part in a meeting (key: meeting_id, person_name). Contract v1 columns, in order.
SELECT
    CAST(meeting_id AS VARCHAR) AS meeting_id,
    CAST(source_file AS VARCHAR) AS source_file,
    CAST(person_name AS VARCHAR) AS person_name,
    CAST(title AS VARCHAR) AS title,
    CAST(organization AS VARCHAR) AS organization,
    CAST(country AS VARCHAR) AS country,
    CAST(side AS VARCHAR) AS side,
    CAST(role AS VARCHAR) AS role,
    CAST(evidence AS VARCHAR) AS evidence
FROM core.participants
