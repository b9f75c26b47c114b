-- Grain: one row per agreement or memorandum signed at or after a meeting (key: meeting_id, subject).
SELECT
    CAST(a.meeting_id AS VARCHAR) AS meeting_id,
    CAST(a.source_file AS VARCHAR) AS source_file,
    CAST(a.subject AS VARCHAR) AS subject,
    CAST(a.evidence AS VARCHAR) AS evidence
FROM core.agreements AS a
