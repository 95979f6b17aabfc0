"""`newsintel export graphml`: the associates network of people and groups, for Gephi (or networkx, yEd).

Nodes are resolved identities (people and organisations; suppressed ones never) with their name, type, kind and
number of reports. Edges are typed and weighted by the number of distinct reports supporting them:
- `relation`: a stated relation, subject -> object (MEMBER, POSITION, FAMILY, SPOUSE, ASSOCIATE, OPPOSES);
- `event`: an event's actor -> its target, typed by the event (ATTACK, ARREST, MEET, ...), from events reported
  as done, hedged, attempted, intended or future (a denied or conditional event links no one);
- `co-mention`: named in the same reports, only from `min_co_mentions` shared reports on (0: none), as the
  profile's co-mentioned associates are. It has no direction; it is written from the lower identity id to the
  higher, because many readers (networkx) refuse a graph that mixes directed and undirected edges.
Only documents at or under the TLP ceiling (`--tlp-max`, default clear) count for edges, and a node is labelled
and counted as they name it (exports/base.Ceiling).
Only identities with an edge are written. Edges are aggregated by the store (one row per pair and type) and
spooled to a temporary file while the ids they link are gathered, so memory holds node ids, never the edge list or
text. Names are report text: characters XML 1.0 cannot hold are dropped and the rest escaped.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from newsintel.exports.base import DEFAULT_TLP_MAX, Exporter
from newsintel.store import export_pages

RELATION_TYPES = ("MEMBER", "POSITION", "FAMILY", "SPOUSE", "ASSOCIATE", "OPPOSES")
LINKING_MODALITIES = ("asserted", "hedged", "attempted", "intended", "future")
NODE_KEYS = (("label", "string"), ("type", "string"), ("kind", "string"), ("documents", "int"))
EDGE_KEYS = (("relation", "string"), ("evidence", "string"), ("weight", "double"), ("reports", "int"))
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: Any) -> str:
    """Report text as XML character data: characters XML 1.0 cannot hold dropped, & < > escaped."""
    return escape(_NOT_XML.sub("", str(value)))


class GraphmlExporter(Exporter):
    name = "graphml"

    def __init__(self, conn: Any, min_co_mentions: int = 2, tlp_max: str = DEFAULT_TLP_MAX) -> None:
        super().__init__(conn, tlp_max)
        self.min_co_mentions = min_co_mentions

    def edges(self) -> Iterator[tuple[str, str, str, str, int]]:
        """(source, target, type, evidence, reports) of every edge."""
        levels = self.ceiling.levels
        for r in export_pages.relation_edges(self.db, RELATION_TYPES, levels):
            yield r["source"], r["target"], r["type"], "relation", r["reports"]
        for r in export_pages.event_edges(self.db, LINKING_MODALITIES, levels):
            yield r["source"], r["target"], r["type"], "event", r["reports"]
        if self.min_co_mentions > 0:
            for r in export_pages.co_mention_edges(self.db, self.min_co_mentions, levels):
                yield r["source"], r["target"], "CO_MENTIONED", "co-mention", r["reports"]

    def write(self, out: TextIO) -> dict[str, int]:
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
            linked: set[str] = set()
            edges = 0
            for source, target, type_, evidence, reports in self.edges():
                linked.update((source, target))
                spool.write(f'    <edge id="e{edges}" source={quoteattr(source)} target={quoteattr(target)}>'
                            + _data("e", {"relation": type_, "evidence": evidence, "weight": float(reports),
                                          "reports": reports}) + "</edge>\n")
                edges += 1
            nodes = self._graph(out, linked)
            spool.seek(0)
            shutil.copyfileobj(spool, out)
        out.write("  </graph>\n</graphml>\n")
        return {"nodes": nodes, "edges": edges}

    def _graph(self, out: TextIO, linked: set[str]) -> int:
        """The header, keys and nodes (the identities in `linked`); returns the number of nodes."""
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
                  ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
                  ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
                  ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for target, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
            for name, kind in keys:
                out.write(f'  <key id="{target[0]}_{name}" for="{target}" attr.name="{name}" attr.type="{kind}"/>\n')
        out.write('  <graph id="associates" edgedefault="directed">\n')
        nodes = 0
        batch: list[Any] = []
        for row in export_pages.identities(self.db, ("person", "org")):
            if row["id"] in linked:
                batch.append(row)
            if len(batch) == export_pages.PAGE:
                nodes += self._nodes(batch, out)
                batch = []
        return nodes + self._nodes(batch, out)

    def _nodes(self, rows: list[Any], out: TextIO) -> int:
        """Write the nodes of a page of linked identities, named as the admitted documents name them."""
        views = self.ceiling.identities(rows)
        for row in rows:
            view = views[row["id"]]  # an edge counts only admitted documents, so one of them names it
            out.write(f"    <node id={quoteattr(row['id'])}>" + _data("n", {
                "label": view.name, "type": row["type"], "kind": row["kind"], "documents": view.count})
                + "</node>\n")
        return len(rows)


def _data(prefix: str, values: dict[str, Any]) -> str:
    return "".join(f'<data key="{prefix}_{k}">{xml_text(v)}</data>' for k, v in values.items() if v is not None)
