#!/usr/bin/env python3
"""Find text in this repository that was copied from the shared corpus.

The pages in ../shared/corpus/*/*.txt (real pages, linked pages, the seeds) are third-party: tests,
samples and docs must use sentences written here. This script takes every 60-character window of
each line of the text files under src/, tests/, samples/ and docs/ (also with C# escapes such as
\\n and \\" read as the characters they stand for) and reports the windows that also occur verbatim
in a corpus page. Lines of the reference-data TSV files under src/**/Data/ are skipped: they hold
facts (official agency names and the like), which may match a page word for word. For the same
reason every name the entity lists hold (NAME_FILES: each cell and |-separated alias of 20
characters or more) and the few official names in FACTS below are blanked out of a line before its
windows are taken: an agency's full name quoted in a test or sample is a fact, the sentence around
it is not.

Usage: python3 scripts/check-copied-text.py [--corpus DIR] [--width N]
Exits 0 when nothing is found, 1 when it lists copied spans, 2 when the corpus is missing.
Not part of the test suite: CI machines do not have ../shared.
"""

import argparse
import glob
import os
import sys

ROOTS = ("src", "tests", "samples", "docs")
SKIP_DIRS = {"bin", "obj", "node_modules", ".git", "wwwroot"}
TEXT_SUFFIXES = {
    ".cs", ".md", ".txt", ".json", ".tsv", ".csv", ".xml", ".csproj", ".props", ".razor",
    ".cshtml", ".html", ".js", ".ts", ".css", ".py", ".sh", ".yml", ".yaml", ".sql",
}
# Official names that the reference data does not list but tests or samples quote whole.
FACTS = (
    "คณะกรรมการแห่งชาติว่าด้วยการศึกษา วิทยาศาสตร์ และวัฒนธรรมแห่งสหประชาชาติ",  # Thai National Commission for UNESCO
)
# Reference files whose cells are names of bodies and places (not word lists such as sector terms).
NAME_FILES = ("agencies.tsv", "foreign_bodies.tsv", "countries.tsv", "provinces.tsv", "foreign_places.tsv")
ESCAPES = (("\\r\\n", "\n"), ("\\n", "\n"), ("\\t", "\t"), ('\\"', '"'), ('""', '"'))


def corpus_windows(corpus_dir, width):
    """Every `width`-character substring of every corpus page."""
    windows = set()
    pages = sorted(glob.glob(os.path.join(corpus_dir, "*", "*.txt")))
    for page in pages:
        with open(page, encoding="utf-8", errors="replace") as handle:
            text = handle.read().replace("\r\n", "\n")
        for start in range(len(text) - width + 1):
            windows.add(text[start:start + width])
    return windows, len(pages)


def is_reference_data(path):
    parts = path.split(os.sep)
    return parts[0] == "src" and "Data" in parts and path.endswith(".tsv")


def repo_files(repo):
    for root in ROOTS:
        for folder, dirs, files in os.walk(os.path.join(repo, root)):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(files):
                if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
                    full = os.path.join(folder, name)
                    yield full, os.path.relpath(full, repo)


def reference_names(repo):
    """Names listed in the reference-data TSV files, longest first, plus FACTS."""
    names = set(FACTS)
    for full, relative in repo_files(repo):
        if not is_reference_data(relative) or os.path.basename(relative) not in NAME_FILES:
            continue
        with open(full, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                for cell in line.rstrip("\n").split("\t"):
                    for name in cell.split("|"):
                        name = name.lstrip("=").strip()
                        if len(name) >= 20:
                            names.add(name)
    return sorted(names, key=len, reverse=True)


def mask(line, names):
    """The line with every listed name blanked (same length, so columns stay true)."""
    for name in names:
        if name in line:
            line = line.replace(name, "\0" * len(name))
    return line


def unescape(line):
    for escaped, plain in ESCAPES:
        line = line.replace(escaped, plain)
    return line


def copied_spans(line, windows, width):
    """Maximal spans of `line` covered by windows found in the corpus, as (start, end) pairs."""
    spans = []
    for start in range(len(line) - width + 1):
        if line[start:start + width] in windows:
            end = start + width
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(repo, "..", "shared", "corpus"))
    parser.add_argument("--width", type=int, default=60)
    args = parser.parse_args()

    if not os.path.isdir(args.corpus):
        print(f"error: corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    windows, pages = corpus_windows(args.corpus, args.width)
    names = reference_names(repo)

    hits = 0
    files = set()
    for full, relative in repo_files(repo):
        if is_reference_data(relative):
            continue
        with open(full, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().split("\n")
        for number, raw in enumerate(lines, start=1):
            line = unescape(raw)
            spans = copied_spans(line, windows, args.width)
            if spans:
                spans = copied_spans(mask(line, names), windows, args.width)
            for start, end in spans:
                hits += 1
                files.add(relative)
                text = line[start:end].replace("\n", "\\n")
                print(f"{relative}:{number}: {len(text)} chars: {text}")

    if hits:
        print(f"{hits} copied span(s) in {len(files)} file(s); {pages} corpus pages scanned.")
        return 1
    print(f"No {args.width}-character window found in {pages} corpus pages.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
