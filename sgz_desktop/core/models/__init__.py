"""Typed ORM models, one module per area. Import this package to register every table."""

from .assessment import Assessment
from .audit import AuditEntry
from .projects import Project
from .staff import Staff
from .station import Community, Setting, StationProfile
from .training import Internship, TrainingAttendance, TrainingMaterial, TrainingSession
from .users import User

__all__ = ["Assessment", "AuditEntry", "Community", "Internship", "Project", "Setting", "Staff", "StationProfile",
           "TrainingAttendance", "TrainingMaterial", "TrainingSession", "User"]
