"""A BagIt 1.0 bag (RFC 8493) written straight into a zip, under one top-level folder.

Payload first (``data/...``), then the payload manifest, bag-info.txt with Payload-Oxum, the tag
manifest and, outside it, the Ed25519 signature over the tag manifest. ``bagit.txt`` leads, so a
reader streaming the zip meets the declaration first.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..sizes import human_size
from . import layout
from .zipwriter import Entry, Sink, ZipStreamWriter


@dataclass(frozen=True)
class BagResult:
    zip_sha256: str
    tagmanifest_sha256: str
    payload_bytes: int
    payload_files: int


def _clean(value: str) -> str:
    # bag-info values are single lines; a stray newline would start a forged label.
    return " ".join(str(value).split())


class BagWriter:
    def __init__(self, out: Sink, top: str, when: dt.datetime) -> None:
        self.top = top
        self._zip = ZipStreamWriter(out, when)
        self._payload: dict[str, str] = {}
        self._bytes = 0
        self._tags: dict[str, str] = {}
        self._tag(layout.BAGIT, layout.BAGIT_TXT)

    def _name(self, rel: str) -> str:
        return f"{self.top}/{rel}"

    def _tag(self, rel: str, data: bytes) -> None:
        if rel in self._tags:
            raise ValueError(f"duplicate bag member {rel!r}")
        entry = self._zip.add_bytes(self._name(rel), data, deflate=True)
        self._tags[rel] = entry.sha256

    def _new_payload(self, rel: str) -> None:
        if not rel.startswith("data/"):
            raise ValueError(rel)
        if rel in self._payload:
            raise ValueError(f"duplicate bag member {rel!r}")

    def _payload_entry(self, rel: str, entry: Entry) -> Entry:
        self._payload[rel] = entry.sha256
        self._bytes += entry.size
        return entry

    def add_bytes(self, rel: str, data: bytes) -> Entry:
        """A generated payload file (metadata, catalogue, registers): deflated if it is text."""
        self._new_payload(rel)
        deflate = not rel.lower().endswith(layout.STORED_EXTENSIONS)
        return self._payload_entry(rel, self._zip.add_bytes(self._name(rel), data, deflate=deflate))

    def add_file(self, rel: str, source: Path, on_bytes: Callable[[int], None] | None = None) -> Entry:
        """A payload file streamed from disk (an archived file, stored; a generated catalogue or register,
        deflated if it is text), hashed as it is written (its ``sha256`` comes from ``settle()``)."""
        self._new_payload(rel)
        deflate = not rel.lower().endswith(layout.STORED_EXTENSIONS)
        return self._payload_entry(rel, self._zip.add_file(self._name(rel), source, on_bytes=on_bytes,
                                                           deflate=deflate))

    def settle(self) -> dict[str, str]:
        """The SHA-256 of every file streamed so far, by its path in the bag (``data/...``)."""
        settled = {name.removeprefix(f"{self.top}/"): sha for name, sha in self._zip.settle().items()}
        self._payload.update(settled)  # the keys stay the callers' own strings: one copy of each path
        return settled

    @property
    def payload_bytes(self) -> int:
        return self._bytes

    @property
    def payload_files(self) -> int:
        return len(self._payload)

    def finish(self, info: Mapping[str, str], sign: Callable[[bytes], bytes], public_key_pem: bytes) -> BagResult:
        """Manifests, bag-info (Payload-Oxum and Bag-Size filled in here), signature; closes the zip."""
        self.settle()
        self._tags[layout.MANIFEST] = self._zip.add_pieces(self._name(layout.MANIFEST),
                                                           layout.manifest_pieces(self._payload)).sha256
        values = dict(info)
        values["Payload-Oxum"] = layout.payload_oxum(self._bytes, len(self._payload))
        values["Bag-Size"] = human_size(self._bytes)
        lines = [f"{label}: {_clean(values.get(label, ''))}" for label in layout.BAG_INFO_LABELS]
        lines += [f"{label}: {_clean(v)}" for label, v in values.items() if label not in layout.BAG_INFO_LABELS]
        self._tag(layout.BAG_INFO, ("\n".join(lines) + "\n").encode("utf-8"))
        self._tag(layout.PUBLIC_KEY, public_key_pem)
        tagmanifest = layout.manifest_text(self._tags)
        self._zip.add_bytes(self._name(layout.TAGMANIFEST), tagmanifest, deflate=True)
        signature = base64.b64encode(sign(tagmanifest)) + b"\n"
        self._zip.add_bytes(self._name(layout.SIGNATURE), signature, deflate=False)
        zip_sha = self._zip.close()
        return BagResult(zip_sha, hashlib.sha256(tagmanifest).hexdigest(), self._bytes, len(self._payload))

    def abort(self) -> None:
        self._zip.abort()
