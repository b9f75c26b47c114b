"""Meetings warehouse: news reports of official meetings -> DuckDB analytics warehouse."""

__version__ = "0.1.0"
