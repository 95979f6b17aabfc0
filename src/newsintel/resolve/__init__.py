"""Resolution across documents: what stored documents have in common (stories, entities, places)."""
