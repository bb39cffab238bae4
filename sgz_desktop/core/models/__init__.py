"""Typed ORM models, one module per area. Import this package to register every table."""

from .audit import AuditEntry
from .staff import Staff
from .station import Community, Setting, StationProfile
from .users import User

__all__ = ["AuditEntry", "Community", "Setting", "Staff", "StationProfile", "User"]
