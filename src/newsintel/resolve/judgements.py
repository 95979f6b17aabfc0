"""Analyst judgements on identities: merge, split, not-same, retype, suppress. They always win over automatic
resolution.

A judgement is stored with the entity refs ("<document id>:<kind>:<name form>") of both sides at the time it was
made, not with identity ids, so it still means the same after re-ingest, reprocess or a full rebuild: merges are
re-applied, and split/not-same act as constraints the linker never crosses. Retype and suppress name one side (the
identity's refs) and are re-applied to every identity that those refs make up at least half of.

Every function runs in the caller's transaction (`store/identity_index.py` opens one per analyst judgement).
"""

from __future__ import annotations

from newsintel.resolve.identity_index import IdentityIndex, IdentityRow, Judgement
from newsintel.resolve.keys import new_identity_id
from newsintel.resolve.profiles import refresh_identity
from newsintel.resolve.types import KIND_OF_TYPE, set_suppressed, set_type

__all__ = ["Judgement", "JudgementError"]


class JudgementError(Exception):
    """The judgement cannot be made; the message says why."""


def find_identity(index: IdentityIndex, ident: str) -> IdentityRow:
    """An identity by id or unique id prefix."""
    rows = index.identities_by_id_or_prefix(ident)
    exact = [r for r in rows if r.id == ident]
    if exact:
        return exact[0]
    if len(rows) != 1:
        raise JudgementError(f"no identity {ident!r}" if not rows else f"identity prefix {ident!r} is ambiguous")
    return rows[0]


def merge_identities(index: IdentityIndex, keep: str, gone: str, method: str = "judgement") -> None:
    """Move every link of `gone` to `keep` (marked with `method`) and recompute both profiles."""
    index.merge_links(keep, gone, method)
    refresh_identity(index, gone)
    refresh_identity(index, keep)


def blocked(index: IdentityIndex, a: str, b: str) -> int | None:
    """The id of a split/not-same judgement separating identities a and b, if any."""
    ra, rb = set(index.refs_of(a)), set(index.refs_of(b))
    for j in load(index, ("split", "not-same")):
        left, right = set(j.left), set(j.right)
        if (left & ra and right & rb) or (left & rb and right & ra):
            return j.id
    return None


def _two(index: IdentityIndex, a: str, b: str, same_message: str) -> tuple[str, str]:
    ia, ib = find_identity(index, a).id, find_identity(index, b).id
    if ia == ib:
        raise JudgementError(same_message.format(a=a, b=b, id=ia))
    return ia, ib


def merge(index: IdentityIndex, a: str, b: str, note: str | None = None) -> str:
    ia, ib = _two(index, a, b, "{a} and {b} are already one identity ({id})")
    blocking = blocked(index, ia, ib)
    if blocking is not None:
        raise JudgementError(f"{ia} and {ib} were judged different (judgement #{blocking}); undo it first")
    index.record_judgement("merge", index.refs_of(ia), index.refs_of(ib), note, None)
    merge_identities(index, ia, ib)
    return ia


def split(index: IdentityIndex, ident: str, mention_id: int, note: str | None = None) -> str:
    """Move the entity holding mention `mention_id` out of identity `ident` into an identity of its own."""
    identity = find_identity(index, ident)
    linked = index.linked_mention(mention_id)
    if linked is None:
        raise JudgementError(f"no mention {mention_id} linked to any identity")
    _, ref = linked
    members = index.refs_of(identity.id)
    if ref not in members:
        raise JudgementError(f"mention {mention_id} is not part of identity {identity.id}")
    rest = [r for r in members if r != ref]
    if not rest:
        raise JudgementError(f"identity {identity.id} has nothing left to split from")
    index.record_judgement("split", [ref], rest, note, None)
    new_id = new_identity_id(index, ref)
    index.new_identity_like(new_id, identity.id)
    index.move_ref(ref, identity.id, new_id)
    refresh_identity(index, new_id)
    refresh_identity(index, identity.id)
    return new_id


def not_same(index: IdentityIndex, a: str, b: str, note: str | None = None) -> int:
    ia, ib = _two(index, a, b, "{a} and {b} are one identity: use `split` to separate a mention")
    return index.record_judgement("not-same", index.refs_of(ia), index.refs_of(ib), note, None)


def load(index: IdentityIndex, kinds: tuple[str, ...] = ("merge", "split", "not-same")) -> list[Judgement]:
    return index.judgements(kinds)


def _apply_merge(index: IdentityIndex, j: Judgement) -> None:
    ids = index.identities_of_refs(j.left + j.right)
    keep = (index.identities_of_refs(j.left) or ids or [None])[0]
    for other in ids:
        if keep is not None and other != keep and blocked(index, keep, other) is None:
            merge_identities(index, keep, other)


def apply_merges_for(index: IdentityIndex, document_id: str) -> None:
    """Re-apply the merge, retype and suppress judgements naming an entity of this document (it may have started
    a separate identity, or joined one again)."""
    wanted = index.judgement_ids_for_document(document_id, ("merge", "retype", "suppress"))
    if not wanted:
        return
    for j in load(index, ("merge",)):
        if j.id in wanted:
            _apply_merge(index, j)
    for j in load(index, TYPE_JUDGEMENTS):
        if j.id in wanted:
            _apply_type_judgement(index, j)


def replay_merges(index: IdentityIndex) -> None:
    """Re-apply every merge, then every retype and suppress, in the order they were made (after a rebuild)."""
    for j in load(index, ("merge",)):
        _apply_merge(index, j)
    for j in load(index, TYPE_JUDGEMENTS):
        _apply_type_judgement(index, j)


TYPE_JUDGEMENTS = ("retype", "suppress")


def _held_by(index: IdentityIndex, refs: list[str]) -> list[str]:
    """The identities that these refs make up at least half of: the ones a retype or suppress still means."""
    held = []
    for identity_id in index.identities_of_refs(refs):
        mine = set(index.refs_of(identity_id))
        if 2 * len(mine & set(refs)) >= len(mine):
            held.append(identity_id)
    return held


def _apply_type_judgement(index: IdentityIndex, j: Judgement) -> None:
    for identity_id in _held_by(index, j.left):
        if j.kind == "suppress":
            set_suppressed(index, identity_id)
        elif j.value:
            row = index.identity(identity_id)
            if row is not None and (row.retyped != j.value or row.kind != KIND_OF_TYPE[j.value]):
                set_type(index, identity_id, j.value)
                refresh_identity(index, identity_id)  # names compared and keyed as the new kind


def retype(index: IdentityIndex, ident: str, type_: str, note: str | None = None) -> str:
    """Judge an identity to be of type `type_` (PERSON, ORG, GPE, LOC, FAC): its members' votes no longer change
    it, and it is compared with other names as that kind from now on."""
    wanted = type_.upper()
    if wanted not in KIND_OF_TYPE:
        raise JudgementError(f"unknown type {type_!r}: one of {', '.join(KIND_OF_TYPE)}")
    identity = find_identity(index, ident)
    refs = index.refs_of(identity.id)
    if not refs:
        raise JudgementError(f"identity {identity.id} has no entities to judge")
    index.record_judgement("retype", refs, [], note, wanted)
    set_type(index, identity.id, wanted)
    refresh_identity(index, identity.id)
    return identity.id


def suppress(index: IdentityIndex, ident: str, note: str | None = None) -> str:
    """Judge an identity to be junk (page furniture, a headline fragment): it is kept out of every view."""
    identity = find_identity(index, ident)
    refs = index.refs_of(identity.id)
    if not refs:
        raise JudgementError(f"identity {identity.id} has no entities to judge")
    index.record_judgement("suppress", refs, [], note, None)
    set_suppressed(index, identity.id)
    return identity.id
