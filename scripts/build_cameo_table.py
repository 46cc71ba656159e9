"""Build src/detente/data/cameo.tsv: one row per CAMEO code with its Goldstein score, QuadClass and
PLOVER event/mode/context, from the reference files in ../shared/reference.

Run once when the reference changes; the output table is committed (codes and numbers are facts).
QuadClass follows the usual CAMEO convention: roots 01-05 verbal cooperation, 06-08 material
cooperation, 09-13 verbal conflict, 14-20 material conflict. CAMEO 02x (appeal) has no row in the
CAMEO→PLOVER table: PLOVER folds appeals into REQUEST. CAMEO 01x (statements) has no PLOVER event.

The two reference files disagree on what some codes mean: cameo_goldstein.tsv labels e.g. 163 "Halt
negotiations" and 166 "Impose embargo, boycott, or sanctions", while the CAMEO→PLOVER table (and the
CAMEO 1.1b3 codebook) has 163 = embargo/sanctions, 164 = halt negotiations, 166 = expel or withdraw.
We keep the codebook meaning of each code and carry the Goldstein score of the row whose LABEL is the
same event (scores belong to meanings, not to positions), and print every such correction.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"
OUT = ROOT / "src" / "detente" / "data" / "cameo.tsv"
MAPPING_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def quad_class(code: str) -> int:
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_plover_mapping(path: Path) -> dict[str, tuple[str, str, str]]:
    mapping: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = MAPPING_LINE.match(line.strip())
        if not match:
            continue
        code, event, mode, context = match.groups()
        mode = (mode or "").strip()
        context = ";".join(c.strip() for c in (context or "").split(";") if c.strip())
        mapping[code] = (event, mode, context)
    return mapping


def plover_for(code: str, mapping: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    if code.startswith("01"):
        return ("", "", "")
    if code.startswith("02"):
        return ("REQUEST", "", "")
    # Most specific first: the code itself, then its parents (1621 → 162 → 16).
    for length in range(len(code), 1, -1):
        if code[:length] in mapping:
            return mapping[code[:length]]
    return ("", "", "")


# A label in cameo_goldstein.tsv that is cut short by a stray fragment.
NAME_FIXES = {"0872": "Ease military blockade"}
LABEL_LINE = re.compile(r"^(\d{2,4}):.*#\s*(.*?)\s*(?:\d\d\.\d\d\.\d\d:.*)?$")


def read_plover_labels(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LABEL_LINE.match(line.strip())
        if match and match.group(2):
            labels[match.group(1)] = match.group(2)
    return labels


def normalise_label(label: str) -> str:
    label = label.lower().replace(", not specified below", "").replace("(non-mediation)", "")
    return " ".join(re.sub(r"[^a-z ]", " ", label).split())


def main() -> int:
    mapping = read_plover_mapping(REFERENCE / "CAMEO2PLOVER-2021.txt")
    labels = read_plover_labels(REFERENCE / "CAMEO2PLOVER-2021.txt")
    with (REFERENCE / "cameo_goldstein.tsv").open(encoding="utf-8") as handle:
        records = [
            (r["cameo"].strip(), r["name"].strip(), r["goldstein"].strip())
            for r in csv.DictReader(handle, delimiter="\t")
        ]
    score_by_label = {normalise_label(name): score for _, name, score in records}
    rows = []
    for code, name, score in records:
        name = NAME_FIXES.get(code, name)
        label = labels.get(code)
        if label and normalise_label(label) != normalise_label(name):
            moved = score_by_label.get(normalise_label(label))
            print(
                f"{code}: tsv says {name!r} ({score}); codebook says {label!r}"
                + (f" -> score {moved}" if moved else " (score kept)")
            )
            name, score = label, moved or score
        event, mode, context = plover_for(code, mapping)
        rows.append([code, name, score, str(quad_class(code)), event, mode, context])
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["cameo", "name", "goldstein", "quad_class", "plover", "mode", "context"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
