"""Store: SQLite (WAL, foreign keys, versioned schema) holding documents, sentences, entities, mentions."""

from newsintel.store.db import StoreError, connect, db_path
from newsintel.store.writer import has_input, save_record

__all__ = ["StoreError", "connect", "db_path", "has_input", "save_record"]
