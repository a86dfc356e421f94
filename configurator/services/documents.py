"""The documents the configurator writes and reads, as typed dataclasses.

`BackupDocument` is a backup file (resources/backup.schema.json is its contract,
`backup_schema` its generator); `ReportDocument` is one meter's page of the commissioning
report (a backup document plus live values, the checks and the wiring verdict). Each converts
to and from its JSON form (`from_json` / `to_json`); `to_json` writes exactly what the file
holds, key for key and in the same order, so a loaded file dumps byte-identical. Validation
against the schema is `backup.validate_document` (on the JSON form); conversion does not
validate. No I/O here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..model.models import ChecksumVerdict, Model
from ..model.verdicts import Verdict
from .backup_schema import BACKUP_FORMAT, BACKUP_VERSION, TEMPLATE_MARKER

if TYPE_CHECKING:
    from .wiring import WiringReport


class DocumentKind(str, Enum):
    """What a settings document is for: a meter's backup, or a template (settings for many
    meters, made before the site) marked by its "template" object; the kind itself is not
    written."""

    BACKUP = "backup"
    TEMPLATE = "template"


@dataclass
class MeterRecord:
    """The backup's `meter` section: who the meter is. `fields` keeps the section as written
    (identity registers by key, in order); the properties read it typed."""

    fields: dict[str, Any]

    @property
    def model_code(self) -> str:
        """The model code as written ("4PU", "4PS", "2PUCT")."""
        return str(self.fields["model"])

    @property
    def model(self) -> Model:
        """The meter's model."""
        return Model.parse(self.model_code)

    @property
    def serial(self) -> int:
        """The serial number (8 digits)."""
        return int(self.fields["serial"])

    @property
    def ct_ratio(self) -> Any:
        """The CT ratio in force at backup time, as written (None: not a CT meter)."""
        return self.fields.get("ct.ratio")

    @property
    def checksum_verdict(self) -> ChecksumVerdict:
        """The software checksum verdict at backup time."""
        return ChecksumVerdict.of(self.fields.get("checksum_verdict",
                                                  ChecksumVerdict.UNREADABLE))

    @property
    def checksum_word(self) -> Any:
        """The checksum verdict as written (a transport's own word included), or None."""
        return self.fields.get("checksum_verdict")

    @property
    def checksum_message(self) -> str:
        """The sentence that explains the checksum verdict."""
        value = self.fields.get("checksum_message", "")
        return value if isinstance(value, str) else str(value)

    def value(self, key: str, default: Any = None) -> Any:
        """An identity field by its register key (`default` when the section lacks it)."""
        return self.fields.get(key, default)


_OPTIONAL_SECTIONS = ("settings_not_saved", "status", "counters", "energy", "ct")


@dataclass
class BackupDocument:
    """A meter's settings, identity and energy snapshot: one backup file.

    Optional sections are None where the file does not hold them (`to_json` leaves them out).
    """

    created_utc: str
    app_name: str
    app_version: str
    connection: str | None  # None in a template (no meter, no link)
    transport: str | None
    meter: MeterRecord
    settings: dict[str, Any]  # key -> JSON value as the CLI and GUI show it
    settings_not_saved: dict[str, str] | None = None
    status: dict[str, Any] | None = None
    counters: dict[str, Any] | None = None
    energy: dict[str, dict[str, Any]] | None = None  # key -> {value, unit, obis}
    ct: dict[str, Any] | None = None  # ratio, changes_used, history, not_answered
    kind: DocumentKind = DocumentKind.BACKUP
    format_version: int = BACKUP_VERSION
    template: dict[str, Any] | None = None  # the template marker ({name, note}), kind TEMPLATE

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BackupDocument:
        """The document of a JSON object already validated (`backup.validate_document`)."""
        app = data.get("app", {})
        sections = {name: data[name] for name in _OPTIONAL_SECTIONS if name in data}
        marker = data.get(TEMPLATE_MARKER)
        return cls(created_utc=data["created_utc"], app_name=app.get("name", ""),
                   app_version=app.get("version", ""), connection=data.get("connection"),
                   transport=data.get("transport"), meter=MeterRecord(dict(data["meter"])),
                   settings=dict(data["settings"]), format_version=data["format_version"],
                   kind=DocumentKind.BACKUP if marker is None else DocumentKind.TEMPLATE,
                   template=None if marker is None else dict(marker), **sections)

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the file (resources/backup.schema.json)."""
        doc: dict[str, Any] = {"format": BACKUP_FORMAT, "format_version": self.format_version}
        if self.template is not None:  # where services/template.py writes the marker
            doc[TEMPLATE_MARKER] = self.template
        doc["created_utc"] = self.created_utc
        doc["app"] = {"name": self.app_name, "version": self.app_version}
        for name in ("connection", "transport"):
            if getattr(self, name) is not None:
                doc[name] = getattr(self, name)
        doc["meter"] = self.meter.fields
        doc["settings"] = self.settings
        for name in _OPTIONAL_SECTIONS:
            value = getattr(self, name)
            if value is not None:
                doc[name] = value
        return doc

    def dumps(self) -> str:
        """The file's text: indented JSON, UTF-8 characters kept, a final newline."""
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"

    @property
    def file_name(self) -> str:
        """The file name of this meter's backup: its serial number (8 digits)."""
        return f"{self.meter.serial:08d}.json"

    @property
    def not_saved(self) -> dict[str, str]:
        """Settings the backup could not read, and why (empty when none)."""
        return self.settings_not_saved or {}

    @property
    def ct_history(self) -> list[dict[str, Any]]:
        """The CT history entries (empty without a CT section)."""
        return list((self.ct or {}).get("history", []))


@dataclass(frozen=True)
class Check:
    """One line of the report's checks."""

    name: str
    verdict: Verdict
    message: str

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (texts stay Messages, so the GUI can translate them)."""
        return {"name": self.name, "verdict": self.verdict, "message": self.message}


@dataclass
class ReportDocument:
    """One meter's page of the commissioning report."""

    backup: BackupDocument
    measurements: dict[str, dict[str, Any]]  # key -> {value, unit, obis, label}
    wiring: WiringReport | None = None
    checks: list[Check] = field(default_factory=list)
    verdict: Verdict = Verdict.CANNOT_JUDGE
    extra_html: str = ""  # a section added by the caller (a commissioning job's changes)

    @property
    def meter(self) -> MeterRecord:
        """The meter section of the backup part."""
        return self.backup.meter

    def failed(self) -> list[Check]:
        """The checks that failed."""
        return [c for c in self.checks if c.verdict is Verdict.FAIL]

    def to_json(self) -> dict[str, Any]:
        """The backup's JSON object plus the live values, the checks and the verdict."""
        return dict(self.backup.to_json(), measurements=self.measurements,
                    checks=[c.as_dict() for c in self.checks], verdict=self.verdict.value)


__all__ = ["BackupDocument", "Check", "DocumentKind", "MeterRecord", "ReportDocument"]
