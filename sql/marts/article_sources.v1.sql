-- Grain: one row per input (file, or JSONL line `file.jsonl#<line>`) that gives an article (key:
-- source_file). The same content under several names is one article listed once per name;
-- is_primary marks the name that analytics.meetings.source_file (and participants, themes) carry:
-- the first in path order.
SELECT
    CAST(article_id AS VARCHAR) AS article_id,
    CAST(source_file AS VARCHAR) AS source_file,
    source_file = min(source_file) OVER (PARTITION BY article_id) AS is_primary,
    CAST(content_hash AS VARCHAR) AS content_hash
FROM core.sources
WHERE article_id IS NOT NULL
