"""オープンデータ: the catalog and files of the datasets each stage registers (registry.py)."""
