-- Grain: one row per country or region code (key: code), from seeds/reference/countries.csv.
SELECT
    CAST(iso2 AS VARCHAR) AS code,
    CAST(name AS VARCHAR) AS name
FROM core.countries
