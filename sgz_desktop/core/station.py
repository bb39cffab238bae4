"""The open station: engine, sessions, clock, secret store and the personal-data cipher.

Like Anki's Collection, one object that every service function receives first. Transactions live
here: ``with st.begin(actor) as s:`` writes (BEGIN IMMEDIATE, commit on success, rollback on any
error); ``with st.read() as s:`` reads (deferred BEGIN, always rolled back).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from . import audit
from .clock import Clock, SystemClock
from .crypto import FieldCipher, key_check
from .db import migrate
from .db.engine import READ_ONLY, is_network_path, make_engine
from .db.types import attach_cipher
from .errors import NotFound, SecretUnavailable
from .models import StationProfile
from .paths import DataDir
from .roles import Actor
from .secrets import FileSecretStore, KeyringSecretStore, SecretStore


@dataclass
class Station:
    data: DataDir
    engine: Engine
    clock: Clock
    secret_store: SecretStore
    cipher: FieldCipher | None = None
    migration: migrate.MigrationResult | None = None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=True)
        event.listen(self._sessions, "after_flush", audit.capture_flush)

    @contextmanager
    def begin(self, actor: Actor) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            session.info[audit.ACTOR_KEY] = actor
            session.info[audit.CLOCK_KEY] = self.clock
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            session.connection(execution_options={READ_ONLY: True})
            try:
                yield session
            finally:
                session.rollback()

    @property
    def unlocked(self) -> bool:
        return self.cipher is not None

    def require_unlocked(self) -> FieldCipher:
        if self.cipher is None:
            raise SecretUnavailable("站点密钥未加载（本机密钥环中没有）。请在“设置”中输入恢复密钥。")
        return self.cipher

    def unlock(self, secret: bytes) -> None:
        profile = self.profile_row()
        if key_check(secret) != profile.key_check:
            raise SecretUnavailable("这个密钥不属于本站点的数据库。请核对恢复密钥。")
        self.cipher = FieldCipher(secret)
        attach_cipher(self.engine, self.cipher)

    def profile_row(self) -> StationProfile:
        with self.read() as s:
            row = s.scalars(select(StationProfile)).first()
            if row is None:
                raise NotFound("数据库中还没有站点信息。请先完成初始设置。")
            s.expunge(row)
            return row

    def secret(self) -> bytes:
        """The station secret, for signing packages and printing the recovery key."""
        row = self.profile_row()
        secret = self.secret_store.get(row.station_uuid)
        if secret is None:
            raise SecretUnavailable("本机密钥环中没有本站点的密钥。请用恢复密钥恢复。")
        return secret

    def close(self) -> None:
        self.engine.dispose()


def default_secret_store(data: DataDir, location: str) -> SecretStore:
    return FileSecretStore(data.secret_file) if location == "file" else KeyringSecretStore()


def open_station(data: DataDir, *, clock: Clock | None = None, secret_store: SecretStore | None = None,
                 upgrade: bool = True) -> Station:
    """Open an existing station: migrate (after a backup), then load its secret if this PC has it."""
    if not data.exists():
        raise NotFound(f"在 {data.root} 没有找到社工站数据库。请先初始化（sgz init 或 sgz demo）。")
    clock = clock or SystemClock()
    engine = make_engine(data.database, wal=not is_network_path(data.root))
    result = migrate.upgrade(engine, data.backups, clock) if upgrade else None
    with Session(engine) as s:
        location = s.scalar(select(StationProfile.secret_location)) or "keyring"
    store = secret_store or default_secret_store(data, location)
    st = Station(data=data, engine=engine, clock=clock, secret_store=store, migration=result)
    try:
        secret = store.get(st.profile_row().station_uuid)
    except SecretUnavailable:
        secret = None
    if secret is not None:
        # A secret of another station (e.g. after restoring someone else's backup) leaves it locked:
        # the user is asked for this station's recovery key instead of being shut out.
        with contextlib.suppress(SecretUnavailable):
            st.unlock(secret)
    return st
