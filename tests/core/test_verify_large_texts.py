"""The catalogue, handover list, registers and other texts of the payload parsed in pieces, read again from the
zip, never held whole: a large year's catalogue must not decide the verifier's memory. The pieces must give
the same findings as the whole text did, and a text that changes between the pass and its parse is named."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from sgz_desktop.core.package import json_stream, layout, members, verify, verify_records, zipread
from sgz_desktop.core.package.json_stream import TooLarge, parse_pieces
from sgz_desktop.core.package.report import VerifyReport
from sgz_desktop.core.package.verify import verify_package
from tests.core.package_factory import Files, flip_in_place, good_package


def failed(report: VerifyReport) -> set[int]:
    return {c.number for c in report.failed}


def messages(report: VerifyReport, number: int) -> str:
    return "\n".join(report.check(number).failures)


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text of the payload read again in pieces (not only those over a megabyte); the names read so."""
    names: list[str] = []
    pieces = zipread.member_pieces

    def spy(source: zipread.ZipBytes, m: members.Member) -> object:
        names.append(m.name.split("/", 1)[1])
        return pieces(source, m)

    monkeypatch.setattr(verify, "STREAM_OVER", 0)
    monkeypatch.setattr(zipread, "member_pieces", spy)
    return names


def _catalogue(files: Files) -> dict[str, object]:
    value: dict[str, object] = json.loads(files[layout.CATALOGUE_JSON])
    return value


def test_a_good_package_passes_with_every_text_read_in_pieces(tmp_path: Path, streamed: list[str]) -> None:
    report = verify_package(good_package(tmp_path))
    assert report.passed, [(c.number, c.failures) for c in report.failed]
    assert {layout.CATALOGUE_JSON, layout.CATALOGUE_CSV, layout.HANDOVER_JSON} <= set(streamed)


def test_a_good_package_passes_when_the_pass_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pass's budget for kept bytes spent before it reaches the tag files (a payload of thousands of small
    texts): every text, the tag files included, is read again from the zip, and the findings are the same."""
    package = good_package(tmp_path)
    monkeypatch.setattr(zipread, "KEEP_TOTAL", 0)
    kept: list[str] = []
    scan = verify.scan

    def spy(directory: zipread.Directory, *args: object, **kw: object) -> None:
        scan(directory, *args, **kw)
        kept.extend(m.name for m in directory.members if m.kept is not None)

    monkeypatch.setattr(verify, "scan", spy)
    report = verify_package(package)
    assert report.passed, [(c.number, c.failures) for c in report.failed]
    assert kept == [] and report.summary.key_fingerprint


def test_a_tag_file_read_again_must_still_be_what_the_pass_hashed(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    package = good_package(tmp_path)
    monkeypatch.setattr(zipread, "KEEP_TOTAL", 0)
    scan = verify.scan

    def change(directory: zipread.Directory, *args: object, **kw: object) -> None:
        scan(directory, *args, **kw)
        # Changed after the pass hashed it.
        flip_in_place(package, [m.data_offset for m in directory.members if m.rel in (layout.BAGIT, layout.PUBLIC_KEY)])

    monkeypatch.setattr(verify, "scan", change)
    report = verify_package(package)
    # There, but changed: not "缺少" (missing), which sent the reader looking for a file that is in the zip.
    assert f"{layout.BAGIT} 无法读取（见第 11 项）" in messages(report, 6) and "缺少" not in messages(report, 6)
    assert messages(report, 2) == f"站点公钥 {layout.PUBLIC_KEY} 无法读取（见第 11 项）"
    assert messages(report, 11).splitlines() == [f"{layout.BAGIT} 无法再次读取，或在校验过程中被改动，未能解析",
                                                  f"{layout.PUBLIC_KEY} 无法再次读取，或在校验过程中被改动"]


def test_a_catalogue_over_a_megabyte_is_read_in_pieces_by_default(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A value larger than one piece (two megabytes of 备注) makes the window grow past it."""
    read: list[str] = []
    pieces = zipread.member_pieces
    monkeypatch.setattr(zipread, "member_pieces", lambda s, m: read.append(m.name) or pieces(s, m))

    def pad(files: Files) -> None:
        catalogue = _catalogue(files)
        rng = random.Random(5)  # not so repetitive that it would compress like a zip bomb
        catalogue["备注"] = "".join(rng.choice("社区走访困难群众帮扶记录情况通知") for _ in range(700_000))
        files[layout.CATALOGUE_JSON] = json.dumps(catalogue, ensure_ascii=False, indent=1).encode()

    report = verify_package(good_package(tmp_path, edit=pad))
    assert report.passed, [(c.number, c.failures) for c in report.failed]
    # (the payload manifest is always read again: for its encoding, then line by line against the members)
    assert [name.split("/", 1)[1] for name in read] == [layout.CATALOGUE_JSON, layout.MANIFEST, layout.MANIFEST]


def test_catalogue_rows_and_entries_are_still_counted(tmp_path: Path, streamed: list[str]) -> None:
    def drop(files: Files) -> None:
        lines = files[layout.CATALOGUE_CSV].decode("utf-8-sig").splitlines()
        files[layout.CATALOGUE_CSV] = ("\r\n".join(lines[:-1]) + "\r\n").encode("utf-8-sig")
        catalogue = _catalogue(files)
        entries = catalogue["条目"]
        assert isinstance(entries, list)
        del entries[0]
        files[layout.CATALOGUE_JSON] = json.dumps(catalogue, ensure_ascii=False, indent=1).encode()

    report = verify_package(good_package(tmp_path, edit=drop))
    assert failed(report) == {8}
    text = messages(report, 8)
    assert "catalogue.csv 的行记为 3 件" in text and "catalogue.json 的条目记为 3 件" in text


def test_control_characters_are_named_from_pieces(tmp_path: Path, streamed: list[str]) -> None:
    def tamper(files: Files) -> None:
        catalogue = _catalogue(files)
        entries = catalogue["条目"]
        assert isinstance(entries, list)
        entries[-1]["题名"] = "通知\x1b"
        files[layout.CATALOGUE_JSON] = json.dumps(catalogue, ensure_ascii=False).encode()

    report = verify_package(good_package(tmp_path, edit=tamper))
    assert "catalogue.json：「题名」中有控制字符" in messages(report, 4)
    assert 8 not in failed(report)


def test_a_broken_text_names_its_line_and_its_encoding(tmp_path: Path, streamed: list[str]) -> None:
    def damage(files: Files) -> None:
        lines = files[layout.CATALOGUE_JSON].decode().split("\n")
        lines[7] = lines[7].replace('"件号"', "件号", 1)  # the first entry
        files[layout.CATALOGUE_JSON] = "\n".join(lines).encode()
        files[layout.HANDOVER_JSON] = files[layout.HANDOVER_JSON].replace("移交".encode(), "移交".encode("gbk"))
        files["data/registers/notes.txt"] = b"\xff\xfe"

    report = verify_package(good_package(tmp_path, edit=damage))
    text = messages(report, 11)
    assert "catalogue.json 不是有效的 JSON（第 8 行：Expecting property name" in text
    assert "handover-list.json 不是 UTF-8 编码" in text and "notes.txt 不是 UTF-8 编码" in text


def test_a_single_value_past_the_limit_is_named_not_held(tmp_path: Path, streamed: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify_records, "KEEP_LIMIT", 200_000)

    def pad(files: Files) -> None:
        catalogue = _catalogue(files)
        catalogue["备注"] = "x" * 300_000
        files[layout.CATALOGUE_JSON] = json.dumps(catalogue, ensure_ascii=False).encode()

    report = verify_package(good_package(tmp_path, edit=pad))
    assert "catalogue.json 中有一个值超过 195.3 KB（文件已损坏，或不是本系统导出的），未能解析" in messages(report, 11)
    assert "缺少或无法读取 data/catalogue/catalogue.json" in messages(report, 8)


def test_a_text_changed_after_the_pass_is_named(tmp_path: Path, streamed: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever was parsed from the pieces is not trusted when they no longer hash to what the pass read."""
    package = good_package(tmp_path)
    parse = verify_records._parse_texts

    def change_then_parse(bag: verify.Bag, found: object) -> object:
        flip_in_place(package, [bag.members[layout.CATALOGUE_CSV].data_offset])
        return parse(bag, found)

    monkeypatch.setattr(verify_records, "_parse_texts", change_then_parse)
    report = verify_package(package)
    assert "catalogue.csv 无法再次读取，或在校验过程中被改动，未能解析" in messages(report, 11)


# --- the parser on its own ------------------------------------------------------------------------

def _random_value(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth > 4 or roll < 0.4:
        return rng.choice([0, -12, 3.5, 1e-7, -2.5e10, "s", "中文\n\"引号\"", "\\", None, True, False, 10**20])
    if roll < 0.7:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    return {rng.choice("abc键"): _random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def _outcome(parse: object) -> tuple[object, ...]:
    try:
        return ("ok", parse())  # type: ignore[operator]
    except json.JSONDecodeError as exc:
        return ("error", exc.msg, exc.lineno)


@pytest.mark.parametrize("seed", range(4))
def test_pieces_parse_as_json_loads_does_valid_or_broken_cut_anywhere(seed: int) -> None:
    """Random documents, some damaged (a character dropped, added or repeated), cut into pieces of 1 to 1 000
    characters: the same value, or the same error on the same line, as ``json.loads`` of the whole."""
    rng = random.Random(seed)
    for _ in range(600):
        text = json.dumps(_random_value(rng), ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1]))
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(text) + 1)
            roll = rng.random()
            if roll < 0.4:
                text = text[:at] + text[at + 1:]
            elif roll < 0.8:
                text = text[:at] + rng.choice('{}[],:" 0-.eE\ntnx\\') + text[at:]
            else:
                text = text[:at] + text[at:at + 3] + text[at:]
        size = rng.choice([1, 2, 3, 5, 16, 1000])
        pieces = [text[i:i + size] for i in range(0, len(text), size)]
        expected = _outcome(lambda: json.loads(text, object_pairs_hook=list))  # noqa: B023
        assert _outcome(lambda: parse_pieces(pieces, list, limit=10**6)) == expected, (text, size)  # noqa: B023


@pytest.mark.parametrize("text", ["\ufeff{}", "[1.", "[1.5e", "12 13", "", '{"a": 1,}', "[-Infinity, NaN]"])
def test_the_edges_of_a_piece(text: str) -> None:
    for size in (1, 2, 3):
        pieces = [text[i:i + size] for i in range(0, len(text), size)]
        assert _outcome(lambda: parse_pieces(pieces, limit=100)) == _outcome(lambda: json.loads(text))  # noqa: B023


def test_only_one_value_at_a_time_is_held() -> None:
    """Ten thousand entries of 100 characters each pass through a window of a few kilobytes; one entry of 5 000
    characters is too much for that window."""
    entry = json.dumps({"题名": "x" * 80})
    text = '{"条目": [' + ", ".join([entry] * 10_000) + "]}"
    pieces = [text[i:i + 1000] for i in range(0, len(text), 1000)]
    value = parse_pieces(pieces, lambda pairs: None if pairs[0][0] == "题名" else dict(pairs), limit=4_000)
    assert value == {"条目": [None] * 10_000}
    with pytest.raises(TooLarge):
        parse_pieces(['{"a": "' + "x" * 5_000 + '"}'], limit=4_000)
    assert json_stream.WALKED == 2
