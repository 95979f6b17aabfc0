"""Exports for partners and other tools (issue 14): one exporter class per format, reading the store's interface."""
