"""``sgz verify`` (the receiving subdistrict):

    sgz verify PACKAGE.zip [--public-key KEY.pem] [--form FORM.pdf | --expect-sha256 HASH] [--report DIR] [--quiet]

It opens no station and needs no login or keyring: it runs on the subdistrict's PC with only the package, and
exits 0 only when every one of the 15 checks passes. A module of its own, importing only the verifier, so that
``sgz verify`` starts without loading the station's database layer (``cli._modules_for``); the report's PDF
writer is imported only when a report is asked for.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.package.report import VerifyReport, scope_text
from ..core.package.verify import verify_package
from ..core.progress import Progress
from .base import Context, UsageError

if TYPE_CHECKING:
    from .base import Subcommands


def register(sub: Subcommands) -> None:
    p = sub.add_parser("verify", help="校验移交包（接收方，不需要数据库）",
                       description="按四性检测（真实性、完整性、可用性、安全性）的 15 项规则校验移交包；"
                                   "全部通过时返回 0。")
    p.add_argument("package", type=Path, metavar="PACKAGE.zip")
    p.add_argument("--public-key", type=Path, metavar="KEY.pem", help="街道登记的站点公钥（PEM）")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--form", type=Path, metavar="FORM.pdf", help="随包的登记表 PDF：核对其中的哈希和件数")
    which.add_argument("--expect-sha256", metavar="HASH", help="预期的压缩包 SHA-256")
    p.add_argument("--report", type=Path, metavar="DIR", help="把校验报告（PDF 和 JSON）写到这个文件夹")
    p.add_argument("--quiet", action="store_true", help="只输出结论")
    p.set_defaults(handler=verify)


def _expected_hash(text: str | None) -> str | None:
    if text is None:
        return None
    if not re.fullmatch(r"\s*[0-9a-fA-F]{64}\s*", text):
        raise UsageError(f"--expect-sha256 应为 64 位十六进制数，「{text}」不是。")
    return text.strip().lower()


def verify(ctx: Context) -> int:
    args = ctx.args
    package: Path = args.package
    if not package.is_file():
        raise UsageError(f"找不到移交包 {package}。")
    for option, path in (("--public-key", args.public_key), ("--form", args.form)):
        if path is not None and not path.is_file():
            raise UsageError(f"{option} 指定的文件 {path} 不存在。")
    if args.report is not None and not args.report.is_dir():
        raise UsageError(f"--report 指定的文件夹 {args.report} 不存在。")
    progress = Progress() if args.quiet else ctx.progress()
    report = verify_package(package, public_key=args.public_key, expect_sha256=_expected_hash(args.expect_sha256),
                            form_pdf=args.form, progress=progress)
    if not args.quiet:
        _print_report(ctx, report)
    verdict = "通过：15 项检查全部合格" if report.passed else \
        f"不通过：{len(report.failed)} 项检查未通过（{'、'.join(str(c.number) for c in report.failed)}）"
    ctx.print(f"{package.name}：{verdict}")
    if args.report is not None:
        from ..core.reports.package import write_verify_pdf  # reportlab: only when asked for

        stem = f"{package.stem}-校验报告"
        pdf = write_verify_pdf(args.report / f"{stem}.pdf", report)
        data = report.write_json(args.report / f"{stem}.json")
        ctx.print(f"校验报告：{pdf}、{data}")
    return 0 if report.passed else 1


def _print_report(ctx: Context, report: VerifyReport) -> None:
    s = report.summary
    ctx.print(f"移交包 {s.identifier or report.package}：{s.station or '—'} {scope_text(s.year, s.scope)}，"
              f"{s.items if s.items is not None else '—'} 件")
    ctx.print(f"SHA-256：{report.zip_sha256}")
    if s.key_fingerprint:
        ctx.print(f"站点公钥指纹：{s.key_fingerprint}" + ("（已与登记公钥核对）" if s.pinned_key else ""))
    for _key, label, checks in report.by_property():
        ok = all(c.passed for c in checks)
        ctx.print(f"{label}：{'合格' if ok else '不合格'}")
        for c in checks:
            ctx.print(f"  [{'通过' if c.passed else '失败'}] {c.number:2d}. {c.title}")
            for text in c.failures:
                ctx.print(f"        - {text}")
            for text in c.notes:
                ctx.print(f"        说明：{text}")
