-- Grain: one row per theme per meeting (key: meeting_id, theme). Contract v1 columns, in order.
SELECT
    CAST(meeting_id AS VARCHAR) AS meeting_id,
    CAST(source_file AS VARCHAR) AS source_file,
    CAST(theme AS VARCHAR) AS theme,
    CAST(raised_by AS VARCHAR) AS raised_by,
    CAST(evidence AS VARCHAR) AS evidence
FROM core.meeting_themes
