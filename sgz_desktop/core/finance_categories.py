"""The accounts of a purchase-of-service project: the three Art. 26 expense categories with their
sub-categories, and the income accounts. A sub-category name is unique across categories, so an
imported row may give the sub-category alone."""

from __future__ import annotations

PERSONNEL = "人员劳务费"  # 社会工作从业人员的薪资、单位和个人缴纳的五险一金
QUALITY = "服务质量保障经费"  # 外聘督导补贴、能力提升、服务活动的交通、误餐、组织志愿者等
MANAGEMENT = "承接方运营管理费"  # 机构管理行政性费用、相关税费；原则上不超过项目总经费的 10%
INCOME = "项目收入"

EXPENSE_CATEGORIES: dict[str, tuple[str, ...]] = {
    PERSONNEL: ("薪资", "五险一金"),
    QUALITY: ("外聘督导补贴", "专业能力提升", "交通费", "误餐费", "组织志愿者费用"),
    MANAGEMENT: ("行政管理费", "相关税费"),
}
INCOME_CATEGORIES: dict[str, tuple[str, ...]] = {INCOME: ("财政拨款", "利息收入", "其他收入")}

INCOME_DIR, EXPENSE_DIR = "income", "expense"
DIRECTIONS = (INCOME_DIR, EXPENSE_DIR)
DIRECTION_LABELS = {INCOME_DIR: "收入", EXPENSE_DIR: "支出"}
PAYMENT_METHODS = ("银行转账", "现金", "公务卡", "支票", "网上支付", "其他")
ART_23, ART_26, ART_28, ART_33 = "第二十三条", "第二十六条", "第二十八条", "第三十三条"

BUDGET_SUBS: tuple[tuple[str, str], ...] = tuple(
    (cat, sub) for cat, subs in EXPENSE_CATEGORIES.items() for sub in subs)


def categories_of(direction: str) -> dict[str, tuple[str, ...]]:
    return INCOME_CATEGORIES if direction == INCOME_DIR else EXPENSE_CATEGORIES


def category_of(sub_category: str) -> tuple[str, str] | None:
    """(direction, category) of a sub-category, or None if there is no such account."""
    for direction in DIRECTIONS:
        for category, subs in categories_of(direction).items():
            if sub_category in subs:
                return direction, category
    return None


def all_sub_categories(direction: str | None = None) -> tuple[str, ...]:
    directions = DIRECTIONS if direction is None else (direction,)
    return tuple(sub for d in directions for subs in categories_of(d).values() for sub in subs)
