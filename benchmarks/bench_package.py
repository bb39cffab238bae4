"""Yearly package benchmark: export and verify speed against the peer tools and the hashing floor.

Builds (once, reused with ``--data-dir``) a station with one archival year of finalised items whose
files add up to ``--gb`` GB (scanned-looking PDFs and JPEGs from ``archive_demo_files``), then, warm
cache, N = the machine's cores, each figure the median of ``--runs`` runs in a fresh process:

- floor:   read every file once and SHA-256 it on N processes (``hash_floor``, a few lines of hashlib);
           also ``cat files | sha256sum`` (one core);
- export:  ``export_year`` (zip + manifests + catalogue + registers + signature + .sha256 + form);
- peer:    copy the files, ``bagit.py --quiet --sha256 --processes N``, ``zip -0 -r -q`` — what a user
           would otherwise do;
- verify:  ``verify_package`` on the zip (all 15 checks, the zip's own SHA-256 included); and the whole
           ``sgz verify PACKAGE --form FORM --quiet`` command, start-up included, as the subdistrict runs it;
- two streams: the zip read once and SHA-256'd twice at once on two threads (the zip's own hash for
           check 1, the members' for check 3): the least any verifier doing both can spend;
- peer:    ``bagit.py --quiet --validate --processes N`` on the unzipped bag.

Peak RSS of every child comes from ``os.wait4``. Not part of the test suite. Usage:
``python benchmarks/bench_package.py [--gb 1.0] [--runs 3] [--data-dir D] [--json out.json]``.

``--memory-items N`` (repeatable) measures memory instead: a station whose year holds N finalised items
with tiny one-page PDFs (file size hardly matters to memory, the item count does) is built once per N,
then ``export_year`` and ``verify_package`` each run once in a fresh process; their peak RSS is reported.

``--hostile-entries N`` measures ``sgz verify`` (the whole command) on a hostile zip of N tiny entries, each in a
folder of its own, the kind of package that costs a verifier the most memory per byte (the entry limit is
200 000). With ``--long-names`` the names fill the verifier's 64 MB directory limit, and each holds one character
past U+FFFF, which makes Python hold the whole name at four bytes a character.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "Bench2026pw"
YEAR = 2024
ITEM_BYTES = 300_000
CORES = os.cpu_count() or 1


# --- the station ----------------------------------------------------------------------------------

def build(data_root: Path, gb: float) -> None:
    """A station whose year holds ``gb`` GB of finalised archive files (several thousand items)."""
    import datetime as dt
    import random

    sys.path.insert(0, str(REPO))
    from sgz_desktop.core import archive_filing, archives, users
    from sgz_desktop.core.archive_demo_files import page_template, scan_jpeg, scanned_pdf

    st = _new_station(data_root)
    keeper = users.login(st, "dangan", PASSWORD)
    src = Path(tempfile.mkdtemp(prefix="bench-src-"))
    rnd = random.Random(7)
    total, n, ids = 0, 0, []
    target = int(gb * 1e9)
    while total < target:
        n += 1
        size = int(ITEM_BYTES * rnd.uniform(0.3, 1.7))
        path = src / f"f{n}.{'jpg' if n % 4 == 0 else 'pdf'}"
        if n % 4 == 0:
            path.write_bytes(scan_jpeg(page_template(n % 3), f"照片{n}", size, rnd))
        else:
            path.write_bytes(scanned_pdf(f"文件{n}", 1 + n % 3, size, rnd))
        total += path.stat().st_size
        item = archives.ItemInput(f"关于第{n}项工作的通知", dt.date(YEAR, 1 + n % 12, 1 + n % 28),
                                  responsible="后湖街道社工站", retention=("Y", "D30", "D10")[n % 3],
                                  org_code=("BGS", "FW")[n % 2], doc_number=f"后社工〔{YEAR}〕{n}号")
        ids.append(archives.register_item(st, keeper, item, [path]).id)
        path.unlink()
        if len(ids) == 500:
            archive_filing.finalise(st, keeper, ids)
            ids = []
            print(f"  {n} items, {total / 1e9:.2f} GB", file=sys.stderr)
    if ids:
        archive_filing.finalise(st, keeper, ids)
    st.close()
    shutil.rmtree(src)


def tiny_pdf(n: int) -> bytes:
    """A one-page PDF of a few hundred bytes, different for every ``n``."""
    stream = f"BT /F1 12 Tf 72 720 Td (item {n}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    sys.path.insert(0, str(REPO))
    from sgz_desktop.core.archive_demo_files import assemble_pdf

    return assemble_pdf(objects)


def build_many(data_root: Path, items: int) -> None:
    """A station whose year holds ``items`` finalised items, one tiny PDF each (registered 1 000 at a time)."""
    import datetime as dt

    sys.path.insert(0, str(REPO))
    from sgz_desktop.core import archive_filing, archives, users

    st = _new_station(data_root)
    keeper = users.login(st, "dangan", PASSWORD)
    src = Path(tempfile.mkdtemp(prefix="bench-many-"))
    for start in range(1, items + 1, 1000):
        entries = []
        for n in range(start, min(start + 1000, items + 1)):
            path = src / f"f{n}.pdf"
            path.write_bytes(tiny_pdf(n))
            entries.append((archives.ItemInput(
                f"关于第{n}项工作的通知（社区走访与困难群众帮扶情况）", dt.date(YEAR, 1 + n % 12, 1 + n % 28),
                responsible="后湖街道社工站", retention=("Y", "D30", "D10")[n % 3], org_code=("BGS", "FW")[n % 2],
                doc_number=f"后社工〔{YEAR}〕{n}号"), [path]))
        infos = archives.register_many(st, keeper, entries)
        archive_filing.finalise(st, keeper, [i.id for i in infos])
        for path in src.iterdir():
            path.unlink()
        print(f"  {start + len(entries) - 1} items", file=sys.stderr)
    st.close()
    shutil.rmtree(src)


def _new_station(data_root: Path) -> Any:
    from sgz_desktop.core import users
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.roles import Role
    from sgz_desktop.core.secrets import FileSecretStore
    from sgz_desktop.core.setup import NewStation, init_station

    data = DataDir(data_root)
    st, _key = init_station(data, NewStation(
        name="后湖街道社会工作服务站", subdistrict="后湖街道", district="江岸区", district_type="中心城区",
        fonds_code="Z109", admin_username="fuzhanzhang", admin_display_name="王丽", admin_password=PASSWORD,
        operator_org="武汉市江岸区同心社会工作服务中心", city_avg_wage_fen=1_008_600, communities=("后湖社区",)),
        secret_store=FileSecretStore(data.secret_file))
    admin = users.login(st, "fuzhanzhang", PASSWORD)
    users.create_user(st, admin, username="dangan", display_name="赵敏", role=Role.ARCHIVIST, password=PASSWORD)
    return st


def memory(root: Path, counts: list[int], me: list[str]) -> dict[str, Any]:
    """Peak RSS of export and verify (one fresh process each) for years of ``counts`` items."""
    results: dict[str, Any] = {}
    for n in counts:
        data = root / f"memory-{n}" / "station"
        if not (data / "station.db").exists():
            print(f"building a year of {n} items in {data} …", file=sys.stderr)
            build_many(data, n)
        out = root / f"memory-{n}" / "out"
        out.mkdir(exist_ok=True)
        for old in out.iterdir():
            old.unlink()
        export_s, export_rss = child([*me, "export", str(data), str(out)])
        package = next(out.glob("*.zip"))
        verify_s, verify_rss = child([*me, "verify", str(package)])
        results[str(n)] = {"export_rss_mb": round(export_rss, 1), "verify_rss_mb": round(verify_rss, 1),
                           "export_s": round(export_s, 2), "verify_s": round(verify_s, 2),
                           "zip_mb": round(package.stat().st_size / 1e6, 1)}
        print(f"  {n} items: export {export_rss:.0f} MB, verify {verify_rss:.0f} MB", file=sys.stderr)
    if len(counts) > 1:
        low, high = min(counts), max(counts)
        for what in ("export", "verify"):
            grow = results[str(high)][f"{what}_rss_mb"] - results[str(low)][f"{what}_rss_mb"]
            results[f"{what}_kb_per_item"] = round(grow * 1024 / (high - low), 2)
    return results


def hostile(root: Path, entries: int, long_names: bool = False) -> dict[str, Any]:
    """Peak RSS and time of ``sgz verify`` on a zip of ``entries`` tiny entries, a folder each; or, ``long_names``,
    names as long as the directory limit allows, each with a character past U+FFFF."""
    package = root / f"hostile-{entries}{'-long' if long_names else ''}.zip"
    if not package.exists():  # built by a child: a large parent's pages counted in the measured child's peak
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", "hostile-zip", str(package),
                        str(entries), "long" if long_names else "short"], check=True)
    sgz = [str(BIN / "sgz"), "verify", str(package), "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(sgz, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 1:  # it must fail, and not crash
        raise SystemExit(f"sgz verify on the hostile zip exited {os.waitstatus_to_exitcode(status)}")
    result = {"entries": entries, "long_names": long_names, "zip_mb": round(package.stat().st_size / 1e6, 1),
              "sgz_verify_s": round(time.perf_counter() - started, 2),
              "sgz_verify_rss_mb": round(usage.ru_maxrss / 1024, 1)}
    print(f"  hostile zip of {entries} entries: sgz verify {result['sgz_verify_rss_mb']:.0f} MB, "
          f"{result['sgz_verify_s']:.1f} s", file=sys.stderr)
    return result


def build_hostile(package: Path, entries: int, long_names: bool) -> None:
    import zipfile

    from sgz_desktop.core.package.zipread import MAX_DIRECTORY

    room = MAX_DIRECTORY // (entries + 2) - 46 - len(f"B/data/x/{entries:06d}/😀.txt".encode()) - 1
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as z:
        z.writestr("B/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        for i in range(entries):
            if long_names:
                z.writestr(f"B/data/x/{i:06d}/{'a' * room}😀.txt", b"x%d" % i)
            else:
                z.writestr(f"B/data/records/WS/Y/Z109-WS·2024-Y-BGS-{i:06d}/f{i}.txt", b"x%d" % i)
        z.writestr("B/manifest-sha256.txt", "")


def store_files(data_root: Path) -> list[Path]:
    return sorted(p for p in (data_root / "attachments").rglob("*") if p.is_file())


# --- the floor ---------------------------------------------------------------------------------------

def _sha_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def hash_floor(files: list[Path]) -> None:
    with ProcessPoolExecutor(CORES) as pool:
        list(pool.map(_sha_file, map(str, files), chunksize=16))


def two_streams(path: Path) -> None:
    """The least any verifier running checks 1 and 3 must do: read the zip once and compute two SHA-256
    over its bytes at the same time (the zip's own, and the members'), one per core. No format work."""
    import threading
    from queue import Queue

    def worker(q: Queue[bytes | None]) -> None:
        digest = hashlib.sha256()
        while (block := q.get()) is not None:
            digest.update(block)

    queues: list[Queue[bytes | None]] = [Queue(4), Queue(4)]  # bounded: memory stays at a few blocks
    threads = [threading.Thread(target=worker, args=(q,)) for q in queues]
    for t in threads:
        t.start()
    with path.open("rb") as fh:
        while block := fh.read(4 << 20):
            for q in queues:
                q.put(block)
    for q in queues:
        q.put(None)
    for t in threads:
        t.join()


# --- children, timed with their peak memory --------------------------------------------------------------

def child(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(seconds, peak RSS MB) of a fresh process."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, usage.ru_maxrss / 1024


def shell(command: str) -> tuple[float, float]:
    return child(["bash", "-c", command])


def median_of(runs: int, make: Any) -> dict[str, float]:
    results = [make() for _ in range(runs)]
    return {"seconds": statistics.median(r[0] for r in results), "rss_mb": max(r[1] for r in results)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--memory-items", type=int, action="append", metavar="N",
                        help="measure export and verify peak memory on a year of N tiny items (repeatable)")
    parser.add_argument("--hostile-entries", type=int, metavar="N",
                        help="measure sgz verify's peak memory on a hostile zip of N tiny entries")
    parser.add_argument("--long-names", action="store_true",
                        help="with --hostile-entries: names that fill the directory limit, past U+FFFF")
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what, *rest = args.child
        sys.path.insert(0, str(REPO))
        if what == "floor":
            hash_floor(store_files(Path(rest[0])))
        elif what == "hostile-zip":
            build_hostile(Path(rest[0]), int(rest[1]), rest[2] == "long")
        elif what == "two-streams":
            two_streams(Path(rest[0]))
        elif what == "export":
            from sgz_desktop.core import users
            from sgz_desktop.core.package.export import export_year
            from sgz_desktop.core.paths import DataDir
            from sgz_desktop.core.station import open_station

            st = open_station(DataDir(Path(rest[0])))
            export_year(st, users.login(st, "dangan", PASSWORD), YEAR, Path(rest[1]), replace=True)
        elif what == "verify":
            from sgz_desktop.core.package.verify import verify_package

            report = verify_package(Path(rest[0]))
            if not report.passed:
                raise SystemExit([c.failures for c in report.failed])
        return

    root = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-package-"))
    if args.hostile_entries:
        text = json.dumps({"hostile": hostile(root, args.hostile_entries, args.long_names)}, indent=1,
                          ensure_ascii=False)
        print(text)
        if args.json:
            args.json.write_text(text + "\n")
        return
    if args.memory_items:
        summary_memory = memory(root, sorted(set(args.memory_items)), [sys.executable, str(Path(__file__).resolve()),
                                                                       "--child"])
        text = json.dumps({"memory": summary_memory}, indent=1, ensure_ascii=False)
        print(text)
        if args.json:
            args.json.write_text(text + "\n")
        return
    data = root / "station"
    if not (data / "station.db").exists():
        print(f"building {args.gb} GB in {data} …", file=sys.stderr)
        build(data, args.gb)
    files = store_files(data)
    size = sum(p.stat().st_size for p in files)
    gb = size / 1e9
    me = [sys.executable, str(Path(__file__).resolve()), "--child"]
    out = root / "out"
    out.mkdir(exist_ok=True)
    listing = root / "files.txt"
    listing.write_text("\n".join(map(str, files)) + "\n")
    shell(f"cat {listing} | xargs cat > /dev/null")  # warm the cache (the package is warmed after export)
    results: dict[str, Any] = {}
    results["floor"] = median_of(args.runs, lambda: child([*me, "floor", str(data)]))
    results["cat_sha256sum"] = median_of(args.runs, lambda: shell(f"cat {listing} | xargs cat | sha256sum"))
    def export() -> tuple[float, float]:
        for old in out.iterdir():  # like the peer's work folder, cleared outside the timing
            old.unlink()
        return child([*me, "export", str(data), str(out)])

    results["export"] = median_of(args.runs, export)
    package = next(out.glob("*.zip"))
    shell(f"cat {package} > /dev/null")  # written straight to the disk: not in the cache yet

    def peer_export() -> tuple[float, float]:
        work = root / "peer"
        shutil.rmtree(work, ignore_errors=True)
        bag = work / "bag"
        copy_s, copy_rss = shell(f"mkdir -p {bag} && cat {listing} | xargs cp -t {bag}")
        bag_s, bag_rss = child([str(BIN / "bagit.py"), "--quiet", "--sha256", "--processes", str(CORES), str(bag)])
        zip_s, zip_rss = shell(f"cd {work} && zip -0 -r -q peer.zip bag")
        return copy_s + bag_s + zip_s, max(copy_rss, bag_rss, zip_rss)

    results["peer_export"] = median_of(args.runs, peer_export)
    results["verify"] = median_of(args.runs, lambda: child([*me, "verify", str(package)]))
    form = next(out.glob("*-登记表.pdf"))
    results["sgz_verify"] = median_of(args.runs, lambda: child(
        [str(BIN / "sgz"), "verify", str(package), "--form", str(form), "--quiet"]))
    results["two_streams"] = median_of(args.runs, lambda: child([*me, "two-streams", str(package)]))
    unzipped = root / "unzipped"
    shutil.rmtree(unzipped, ignore_errors=True)
    shell(f"cd {root} && mkdir -p unzipped && cd unzipped && unzip -q {package}")
    bag_dir = next(unzipped.iterdir())
    results["peer_validate"] = median_of(args.runs, lambda: child(
        [str(BIN / "bagit.py"), "--quiet", "--validate", "--processes", str(CORES), str(bag_dir)]))
    for r in results.values():
        r["s_per_gb"] = r["seconds"] / gb
    floor = results["floor"]["seconds"]
    summary = {
        "machine": f"{platform.processor() or platform.machine()}, {CORES} cores, {platform.system()} "
                   f"{platform.release()}, Python {platform.python_version()}",
        "files": len(files), "gb": round(gb, 3), "zip_gb": round(package.stat().st_size / 1e9, 3),
        "results": results,
        "ratios": {
            "export_vs_peer_speedup": results["peer_export"]["seconds"] / results["export"]["seconds"],
            "export_vs_floor": results["export"]["seconds"] / floor,
            "verify_vs_floor": results["verify"]["seconds"] / floor,
            "verify_vs_peer_validate": results["verify"]["seconds"] / results["peer_validate"]["seconds"],
            "sgz_verify_vs_peer_validate": results["sgz_verify"]["seconds"] / results["peer_validate"]["seconds"],
            "two_streams_vs_floor": results["two_streams"]["seconds"] / floor,
            "verify_vs_two_streams": results["verify"]["seconds"] / results["two_streams"]["seconds"],
        },
    }
    text = json.dumps(summary, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
