#!/usr/bin/python3
"""Read iCalendar files back with a real client (Debian's python3-icalendar) and report what it sees.

usage: /usr/bin/python3 scripts/check-ical.py FILE.ics [FILE.ics ...]

For each file: whether it parses, how many events and to-dos it holds, how many physical lines are
longer than 75 octets (RFC 5545 3.1), end without CRLF or cut a UTF-8 character in two when folded,
how many summaries or descriptions come back with a replacement character, how many events name a
TZID the file declares no VTIMEZONE for, and the set of (UID, start or due) pairs, compared across
the files given: the same facts should give the same days. Used for docs/BENCHMARKS.md (issue 24).
"""
import sys

import icalendar


def physical(raw):
    long = no_crlf = cut = 0
    lines = raw.split(b"\n")
    for i, line in enumerate(lines[:-1]):
        if not line.endswith(b"\r"):
            no_crlf += 1
        body = line.rstrip(b"\r")
        if len(body) > 75:
            long += 1
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            cut += 1
    return long, no_crlf, cut


def check(path):
    raw = open(path, "rb").read()
    cal = icalendar.Calendar.from_ical(raw)
    zones = {str(z.get("TZID")) for z in cal.walk("VTIMEZONE")}
    events, todos = cal.walk("VEVENT"), cal.walk("VTODO")
    broken = sum(1 for c in events + todos for key in ("SUMMARY", "DESCRIPTION") if "\ufffd" in str(c.get(key, "")))
    thai = sum(1 for c in events + todos if any("\u0e00" <= ch <= "\u0e7f" for ch in str(c.get("DESCRIPTION", ""))))
    unknown_zone = 0
    days = set()
    for e in events:
        start = e.get("DTSTART")
        tzid = start.params.get("TZID") if start is not None else None
        if tzid and tzid not in zones:
            unknown_zone += 1
        days.add(("event", str(e.decoded("DTSTART"))[:10]))
    for t in todos:
        days.add(("todo", str(t.decoded("DUE"))[:10]))
    long, no_crlf, cut = physical(raw)
    print(f"{path}: parsed; {len(events)} events, {len(todos)} to-dos ({thai} with Thai descriptions); "
          f"lines over 75 octets {long}, without CRLF {no_crlf}, folds cutting a character {cut}; "
          f"text with U+FFFD {broken}; events in an undeclared time zone {unknown_zone}; {len(raw):,} bytes")
    return days


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    seen = []
    for path in sys.argv[1:]:
        try:
            seen.append(check(path))
        except (OSError, ValueError) as e:
            print(f"check-ical: {path}: not a calendar a client can read ({e})", file=sys.stderr)
            sys.exit(1)
    if len(seen) > 1:
        same = all(s == seen[0] for s in seen[1:])
        print(f"same (kind, day) set in every file: {same} ({len(seen[0])} distinct)")


main()
