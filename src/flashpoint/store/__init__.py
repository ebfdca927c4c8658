"""The DuckDB store: one writer, many readers. See docs/store.md."""
