"""Typed ORM models, one module per area. Import this package to register every table."""

from .archives import ArchiveAmendment, ArchiveFile, ArchiveItem, PackageExport
from .assessment import Assessment
from .audit import AuditEntry
from .finance import BudgetLine, Contract, ContractEvaluation, LedgerAttachment, LedgerClose, LedgerEntry
from .projects import Project
from .staff import Staff
from .station import Community, Setting, StationProfile
from .training import Internship, TrainingAttendance, TrainingMaterial, TrainingSession
from .users import User
from .volunteers import (
    Certificate,
    PointRule,
    PointTransaction,
    Redemption,
    RewardItem,
    ServiceRecord,
    Volunteer,
    VolunteerActivity,
)

__all__ = ["Assessment", "AuditEntry", "BudgetLine", "Community", "Contract", "ContractEvaluation", "Internship",
           "LedgerAttachment", "LedgerClose", "LedgerEntry", "Project", "Setting", "Staff", "StationProfile",
           "TrainingAttendance", "TrainingMaterial", "TrainingSession", "User"]
__all__ += ["Certificate", "PointRule", "PointTransaction", "Redemption", "RewardItem", "ServiceRecord", "Volunteer",
            "VolunteerActivity"]
__all__ += ["ArchiveAmendment", "ArchiveFile", "ArchiveItem", "PackageExport"]
