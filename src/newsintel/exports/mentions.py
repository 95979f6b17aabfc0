"""`newsintel export mentions`: one JSON line per mention, for quality checks of NER, grouping and resolution.

Each line: document id, origin (the input file and record it was read from), the document's TLP, sentence, start and
end offsets into the document's cleaned text, the mention's text, its NER label, its entity's type, the entity id
and the identity it resolved to (null when unresolved or suppressed). Lines come in mention order (ingest order,
then text order within a document), read a page at a time. Mentions of documents above the TLP ceiling
(`--tlp-max`, default clear) are left out.
"""

from __future__ import annotations

import json
from typing import TextIO

from newsintel.exports.base import Exporter, effective_tlp
from newsintel.store import export_pages


class MentionsExporter(Exporter):
    name = "mentions"

    def write(self, out: TextIO) -> dict[str, int]:
        count = 0
        for row in export_pages.mentions(self.db):
            if not self.ceiling.admits(row, "document_id"):
                continue
            line = {"document": row["document_id"], "origin": row["origin"], "tlp": effective_tlp(row),
                    "sentence": row["sentence"],
                    "start": row["start"], "end": row["end"], "text": row["text"], "label": row["label"],
                    "type": row["type"], "entity": row["entity_id"], "identity": row["identity"]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
        return {"mentions": count}
