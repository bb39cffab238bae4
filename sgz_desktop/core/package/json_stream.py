"""Parsing a JSON text that arrives in pieces, never held whole: the catalogue of a large year runs to tens of
megabytes, and as one Python string (two bytes a character once a Chinese one is in it) beside its parsed
form it was most of the verifier's memory.

The outer two levels (the top object or array, and the arrays and objects directly in it: the catalogue's
条目) are walked here; every value below them is parsed whole by ``json``'s own decoder, in C, from a window
of the text that grows only as far as one such value needs. What is accepted and what is refused is what
``json.loads`` accepts and refuses; errors are ``json.JSONDecodeError`` with the line counted in the whole
text."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

WALKED = 2  # levels walked here; deeper values go to the decoder whole
_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER_START = frozenset("-0123456789")


class TooLarge(ValueError):
    """One value of the text (or, for a text that does not parse, the text itself) is larger than the limit."""


class _Window:
    """The part of the text not yet parsed, refilled from the pieces as the parse moves on."""

    def __init__(self, pieces: Iterator[str], limit: int) -> None:
        self._pieces = pieces
        self._limit = limit
        self.text = ""
        self.pos = 0
        self.line = 1  # the line of the whole text on which ``text`` begins
        self.ended = False

    def more(self, at_least: int = 1) -> bool:
        """Append pieces until ``at_least`` characters more are held; False when the text has ended."""
        if self.ended:
            return False
        if self.pos:  # what is parsed is let go; its lines are counted for error messages
            self.line += self.text.count("\n", 0, self.pos)
            self.text, self.pos = self.text[self.pos:], 0
        parts, added = [self.text], 0
        while added < max(at_least, 1):
            piece = next(self._pieces, None)
            if piece is None:
                self.ended = True
                break
            parts.append(piece)
            added += len(piece)
        self.text = "".join(parts)
        if len(self.text) > self._limit:
            raise TooLarge(f"{len(self.text):,} characters")
        return added > 0

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), with ``pos`` on it."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]  # matches always
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def value(self, decoder: json.JSONDecoder) -> Any:
        """One whole value by the decoder. A value that reaches the window's end may go on in the next piece
        (a number, or the text cut inside it): the window is doubled until the value ends before its end."""
        self.peek()
        while True:
            # A number may stop short of the window's end and still go on: "1." + "5", "1e" + "-3".
            margin = 3 if self.text[self.pos:self.pos + 1] in _NUMBER_START else 0
            try:
                value, end = decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if self.ended:
                    raise self.error(exc.msg, exc.pos) from None
            else:
                if end + margin < len(self.text) or self.ended:
                    self.pos = end
                    return value
            self.more(len(self.text) - self.pos)  # then parsed again, from the same place in the text

    def error(self, message: str, pos: int | None = None) -> json.JSONDecodeError:
        at = self.pos if pos is None else pos
        line = self.line + self.text.count("\n", 0, at)
        error = json.JSONDecodeError(message, self.text, at)
        error.lineno = line  # the line in the whole text, not in the window
        return error


def parse_pieces(pieces: Iterable[str], hook: Callable[[list[tuple[str, Any]]], Any] | None = None, *,
                 limit: int) -> Any:
    """The value of the JSON text made of ``pieces``, as ``json.loads(text, object_pairs_hook=hook)`` would
    give it. ``limit`` bounds the characters held at once (``TooLarge``)."""
    window = _Window(iter(pieces), limit)
    decoder = json.JSONDecoder(object_pairs_hook=hook)
    window.more()
    if window.text.startswith("\ufeff"):
        raise window.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
    value = _walk(window, decoder, hook, 0)
    if window.peek():
        raise window.error("Extra data")
    return value


def _walk(window: _Window, decoder: json.JSONDecoder, hook: Callable[[list[tuple[str, Any]]], Any] | None,
          depth: int) -> Any:
    first = window.peek()
    if depth >= WALKED or first not in ("{", "["):
        return window.value(decoder)
    window.pos += 1
    close = "}" if first == "{" else "]"
    pairs: list[tuple[str, Any]] = []
    values: list[Any] = []
    if window.peek() == close:
        window.pos += 1
    else:
        while True:
            if first == "{":
                if window.peek() != '"':
                    raise window.error("Expecting property name enclosed in double quotes")
                key = window.value(decoder)
                if window.peek() != ":":
                    raise window.error("Expecting ':' delimiter")
                window.pos += 1
                pairs.append((key, _walk(window, decoder, hook, depth + 1)))
            else:
                values.append(_walk(window, decoder, hook, depth + 1))
            after = window.peek()
            window.pos += 1
            if after == close:
                break
            if after != ",":
                window.pos -= 1
                raise window.error("Expecting ',' delimiter")
    if first == "[":
        return values
    return hook(pairs) if hook is not None else dict(pairs)
