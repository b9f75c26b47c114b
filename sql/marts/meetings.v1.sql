-- Grain: one row per meeting reported in an article (key: meeting_id). Contract v1 columns, in order.
SELECT
    CAST(meeting_id AS VARCHAR) AS meeting_id,
    CAST(article_id AS VARCHAR) AS article_id,
    CAST(source_file AS VARCHAR) AS source_file,
    CAST(headline AS VARCHAR) AS headline,
    CAST(published_date AS DATE) AS published_date,
    CAST(meeting_date AS DATE) AS meeting_date,
    CAST(weekday AS VARCHAR) AS weekday,
    CAST(location AS VARCHAR) AS location,
    CAST(counterpart_countries AS VARCHAR[]) AS counterpart_countries,
    CAST(counterpart_org AS VARCHAR) AS counterpart_org,
    CAST(evidence AS VARCHAR) AS evidence
FROM core.meetings
