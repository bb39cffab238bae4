"""The volunteer area's lazy tables: every column sorts in SQL, filters and search narrow the rows, counts
agree with pages, and only the visible page's personal numbers are decrypted (masked for viewers)."""

from __future__ import annotations

import datetime as dt

import pytest

from sgz_desktop.core import users, volunteer_points, volunteer_rewards, volunteers
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import TableQuery
from sgz_desktop.core.volunteer_points import RuleInput
from sgz_desktop.core.volunteer_rewards import ItemInput
from sgz_desktop.core.volunteer_tables import (
    LOCKED,
    ActivitySource,
    LedgerSource,
    RecordSource,
    RedemptionSource,
    RegistrySource,
    catalogue_table,
    certificate_table,
    rule_table,
    stars_table,
)
from tests.conftest import ADMIN_PASSWORD
from tests.core.staff_factory import community_id, lock
from tests.core.volunteer_factory import add_activity, add_volunteer, approved, record


@pytest.fixture
def filled(station: Station, admin: Actor) -> list[volunteers.VolunteerInfo]:
    volunteer_points.add_rule(station, admin, RuleInput(dt.date(2024, 1, 1), 10, {}))
    people = [add_volunteer(station, admin, 1000 + n, community_id=community_id(station) if n % 2 else None)
              for n in range(6)]
    for n, person in enumerate(people[:4]):
        approved(station, admin, person.id, dt.date(2025, 3, 1 + n), str(n + 1))
    pending = add_activity(station, admin, dt.date(2026, 2, 1), title="春节慰问")
    record(station, admin, pending.id, people[5].id, "2")
    item = volunteer_rewards.add_item(station, admin, ItemInput("毛巾", 15, 5))
    volunteer_rewards.redeem(station, admin, people[3].id, item.id)
    volunteers.set_status(station, admin, people[4].id, "暂停")
    return people


SOURCES = (RegistrySource, ActivitySource, RecordSource, LedgerSource, RedemptionSource)


@pytest.mark.parametrize("make", SOURCES, ids=lambda c: c.__name__)
def test_every_column_sorts_and_counts_agree(station: Station, admin: Actor, filled: object, make: type) -> None:
    source = make(station, admin)
    for column in source.columns:
        for descending in (False, True):
            query = TableQuery(sort_key=column.key, descending=descending)
            rows = source.page(query, 0, 100)
            assert len(rows) == source.count(query) > 0
            assert all(len(r) > len(source.columns) for r in rows)  # the hidden id follows


def test_registry_filters_and_search(station: Station, admin: Actor, filled: list[volunteers.VolunteerInfo]) -> None:
    source = RegistrySource(station, admin)
    names = lambda q: [r[1] for r in source.page(q, 0, 100)]  # noqa: E731
    assert len(names(TableQuery(filters={"status": "在册"}))) == 5
    assert names(TableQuery(filters={"status": "暂停"})) == [filled[4].name]
    assert len(names(TableQuery(filters={"community_id": community_id(station)}))) == 3
    assert names(TableQuery(text=filled[2].id_number)) == [filled[2].name]  # a whole ID number: blind index
    assert names(TableQuery(text=filled[1].volunteer_no.lower())) == [filled[1].name]
    assert names(TableQuery(filters={"names": (filled[0].name, filled[5].name)})) == [filled[0].name, filled[5].name]
    row = source.page(TableQuery(sort_key="hours", descending=True), 0, 1)[0]
    assert row[1] == filled[3].name and str(row[7]) == "4" and row[9] == 25  # 40 earned, 15 spent


def test_viewers_see_masked_numbers_and_a_locked_station_none(station: Station, admin: Actor,
                                                              filled: list[volunteers.VolunteerInfo]) -> None:
    users.create_user(station, admin, username="zz", display_name="站长", role=Role.HEAD, password=ADMIN_PASSWORD,
                      must_change_password=False)
    head = users.login(station, "zz", ADMIN_PASSWORD)
    row = RegistrySource(station, head).page(TableQuery(), 0, 1)[0]
    assert "****" in str(row[10]) and "*" in str(row[11])
    lock(station)
    row = RegistrySource(station, admin).page(TableQuery(), 0, 1)[0]
    assert row[10] == row[11] == LOCKED


def test_hours_ledger_and_redemption_filters(station: Station, admin: Actor,
                                             filled: list[volunteers.VolunteerInfo]) -> None:
    records = RecordSource(station, admin)
    assert records.count(TableQuery(filters={"status": "pending"})) == 1
    assert records.count(TableQuery(filters={"year": 2025})) == 4
    assert records.count(TableQuery(text="春节")) == 1
    ledger = LedgerSource(station, admin)
    mine = TableQuery(filters={"volunteer_id": filled[3].id})
    assert [r[4] for r in ledger.page(mine, 0, 10)] == ["兑换", "服务获得"]
    assert ledger.count(TableQuery(filters={"kind": "redeem"})) == 1
    assert ledger.count(TableQuery(text="毛巾")) == 1
    assert RedemptionSource(station, admin).count(TableQuery(filters={"year": 2026})) == 1
    assert ActivitySource(station, admin).count(TableQuery(filters={"pending": True})) == 1


def test_short_lists(station: Station, admin: Actor, filled: list[volunteers.VolunteerInfo]) -> None:
    assert catalogue_table(station, admin).count(TableQuery()) == 1
    assert rule_table(station, admin).page(TableQuery(), 0, 5)[0][1] == 10
    assert certificate_table(station, admin).count(TableQuery()) == 0
    assert stars_table(station, admin).count(TableQuery()) == 0  # nobody has 100 hours yet
    assert stars_table(station, admin, due_only=False).count(TableQuery()) == 6
