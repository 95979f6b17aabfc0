"""Ingest: find input files and read them into `RawDocument`s (or `Failure`s), one record at a time."""

from newsintel.ingest.discover import discover
from newsintel.ingest.readers import read_path

__all__ = ["discover", "read_path"]
