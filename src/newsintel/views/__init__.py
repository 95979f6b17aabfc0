"""Views: what an analyst reads (profiles, movements, timelines, conflicts), built from the store's reads."""
