"""Money as official forms write it: ¥1,234.56 and 人民币大写 (Chinese capital numerals).

The capitals follow the 《支付结算办法》 rules (中国人民银行, 附件一 正确填写票据和结算凭证的基本规定):
"整" after 元 when there are no 角/分, none after 角 or 分; one "零" for a run of zeros inside the
number; "零" between 元 and 角 when the 元 digit is zero (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分), and
between 元 and 分 when there are no 角 (¥325.04 → 叁佰贰拾伍元零肆分).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .errors import Problem, ValidationError
from .tables import format_fen

__all__ = ["format_fen", "parse_yuan", "rmb_upper"]

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
GROUPS = ("", "万", "亿", "万亿")
MAX_FEN = 10**16 * 100 - 1  # below 一万万亿元: more than any station will ever hold


def _group(value: int) -> str:
    """0 < value < 10000 → 壹仟零壹拾 (no leading 零; zeros inside collapse to one)."""
    text, zero = "", False
    for place in range(3, -1, -1):
        digit = value // 10**place % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += DIGITS[digit] + PLACES[place]
    return text


def _yuan(value: int) -> str:
    groups = []
    while value:
        groups.append(value % 10000)
        value //= 10000
    text, zero = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero = bool(text)
            continue
        if text and (zero or group < 1000):
            text += "零"
        text += _group(group) + GROUPS[index]
        zero = False
    return text


def rmb_upper(fen: int, *, prefix: bool = True) -> str:
    """123456 → 人民币壹仟贰佰叁拾肆元伍角陆分; 1000 → 人民币壹拾元整; 5 → 人民币伍分.

    A negative amount (a reversing entry) reads 负…; zero reads 零元整.
    """
    if abs(fen) > MAX_FEN:
        raise ValueError("amount too large for Chinese capitals")
    head = "人民币" if prefix else ""
    if fen < 0:
        return head + "负" + rmb_upper(-fen, prefix=False)
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return head + "零元整"
    text = _yuan(yuan) + "元" if yuan else ""
    if cents == 0:
        return head + text + "整"
    if jiao:
        if yuan and yuan % 10 == 0:
            text += "零"
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen_digit:
        text += DIGITS[fen_digit] + "分"
    return head + text


def parse_yuan(text: str, label: str = "金额", *, row: int | None = None, allow_zero: bool = False) -> int:
    """'8,500.5', '¥8500', '8500元' → fen, exactly (Decimal, never float); a Chinese ValidationError
    names the field otherwise."""
    cleaned = (text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
               .replace("元", "").replace(" ", ""))
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(Problem(label, f"「{text}」不是金额", row)) from None
    if not amount.is_finite():
        raise ValidationError(Problem(label, f"「{text}」不是金额", row))
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValidationError(Problem(label, f"「{text}」最多保留两位小数（到分）", row))
    if fen < 0 or (fen == 0 and not allow_zero):
        raise ValidationError(Problem(label, "必须大于零", row))
    if fen > MAX_FEN:
        raise ValidationError(Problem(label, "金额过大", row))
    return int(fen)
