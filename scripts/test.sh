#!/usr/bin/env bash
# The whole test suite, as CI runs it. Installs what the tests need that a fresh machine with only
# the .NET SDK lacks, then runs every test project. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

need_shared() {
  for corpus in seeds real linked; do
    if [ ! -d "../shared/corpus/$corpus" ]; then
      echo "error: ../shared/corpus/$corpus not found beside this checkout; the tests read the shared annotated pages there." >&2
      exit 1
    fi
  done
}
need_shared

# The scorer-parity test runs ../shared/eval/score.py beside `atlas eval`.
if ! command -v python3 >/dev/null 2>&1; then
  echo "test.sh: installing python3 (the scorer-parity test runs shared/eval/score.py)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null; }; then
    echo "error: python3 is missing and could not be installed; the scorer-parity test needs it." >&2
    exit 1
  fi
fi

# The calendar export is read back by a real iCalendar client: Debian's python3-icalendar (scripts/check-ical.py).
if ! /usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1; then
  echo "test.sh: installing python3-icalendar (the calendar export is read back by it)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar >/dev/null; }; then
    echo "error: python3-icalendar could not be installed; the calendar read-back test needs it." >&2
    exit 1
  fi
fi

# The web tests drive Debian's Chromium (Playwright, headless) and need Thai fonts to render pages;
# the web project's build installs its front-end packages with npm (package-lock.json).
web_packages=()
[ -x /usr/bin/chromium ] || web_packages+=(chromium)
thai_fonts=$(fc-list 2>/dev/null | grep -ci 'loma\|garuda' || true)   # not grep -q: it would cut fc-list's pipe
[ "${thai_fonts:-0}" -gt 0 ] || web_packages+=(fonts-thai-tlwg fontconfig)
command -v npm >/dev/null 2>&1 || web_packages+=(nodejs npm)
if [ ${#web_packages[@]} -gt 0 ]; then
  echo "test.sh: installing ${web_packages[*]} (browser tests and the web front end)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${web_packages[@]}" >/dev/null; }; then
    echo "error: could not install ${web_packages[*]}; the web build and browser tests need them." >&2
    exit 1
  fi
fi

# Reading PDFs, scans and images (and their tests): poppler's pdftotext, pdfinfo and pdftoppm, Tesseract
# with its Thai and English models; qpdf only makes the encrypted PDF of a test.
reading_packages=()
command -v pdftotext >/dev/null 2>&1 || reading_packages+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || reading_packages+=(tesseract-ocr)
[ -f /usr/share/tesseract-ocr/5/tessdata/tha.traineddata ] || reading_packages+=(tesseract-ocr-tha)
command -v qpdf >/dev/null 2>&1 || reading_packages+=(qpdf)
if [ ${#reading_packages[@]} -gt 0 ]; then
  echo "test.sh: installing ${reading_packages[*]} (reading PDFs and scans: pdftotext, Tesseract)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${reading_packages[@]}" >/dev/null; }; then
    echo "error: could not install ${reading_packages[*]}; the PDF and OCR tests need them." >&2
    exit 1
  fi
fi

# The store suite and the --db tests run on PostgreSQL too: a throwaway cluster on 127.0.0.1,
# installed from Debian's packages when missing, removed when the tests end.
source scripts/postgres-cluster.sh
log=$(mktemp)
trap 'pg_cluster_stop; rm -f "$log"' EXIT
pg_cluster_start

dotnet build SoftPowerAtlas.slnx -c Release -warnaserror
status=0
dotnet test SoftPowerAtlas.slnx -c Release --no-build --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# One closing line over every test project: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ n += $2 } END { print n + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ n += $2 } END { print n + 0 }')
echo "$passed passed, $failed failed"
exit "$status"
