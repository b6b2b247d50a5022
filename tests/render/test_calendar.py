"""`ctt calendar`: an iCalendar file a real parser reads, with stable UIDs."""

from __future__ import annotations

from pathlib import Path

import icalendar

from conftest import SHIPPED


def test_calendar_file(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    out = tmp_path / "lich.ics"
    result = cli("calendar", str(SHIPPED), "--year", "2026", "-o", str(out), "--alarm-days", "5")
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 8  # T01-T08; T09 falls in 2027 and 2030
    by_uid = {str(e["UID"]): e for e in events}
    t05 = by_uid["le-thanh-nghi-T05-2026@ctt"]
    assert t05.decoded("DTSTART").isoformat() == "2026-11-13"  # 14/11 is a Saturday: the Friday before
    assert "Phòng Văn hóa - Xã hội" in str(t05["DESCRIPTION"])
    alarm = next(iter(t05.walk("VALARM")))
    assert str(alarm["TRIGGER"].dt) == "-5 days, 0:00:00"
    again = tmp_path / "again.ics"
    cli("calendar", str(SHIPPED), "--year", "2026", "-o", str(again), "--alarm-days", "5")
    assert again.read_bytes() == raw  # same data, same file: re-import updates, never duplicates


def test_calendar_2027_has_the_review(cli) -> None:
    result = cli("calendar", str(SHIPPED), "-y", "2027")
    assert "UID:le-thanh-nghi-T09-2027@ctt" in result.stdout


def test_calendar_unwritable(cli, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = cli("calendar", str(SHIPPED), "-y", "2026", "-o", str(blocker / "x.ics"))
    assert result.exit_code == 1 and "không" in result.stderr and "Traceback" not in result.stderr
