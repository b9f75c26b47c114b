-- Grain: one row per theme code of the taxonomy (key: code), from seeds/reference/themes.csv.
SELECT
    CAST(code AS VARCHAR) AS code,
    CAST(label AS VARCHAR) AS label,
    CAST(description AS VARCHAR) AS description
FROM core.themes
