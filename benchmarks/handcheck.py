"""Hand check of extraction precision on text kg has not seen (issue 14).

``python -m benchmarks.handcheck sample RECORDS.jsonl --n 120 --seed 14 > SAMPLE.tsv`` draws a random sample
(``random.Random(seed)``) of dyadic statement triples -- one row per (statement, target) -- from the JSON Lines
records that ``kg extract -o RECORDS.jsonl`` writes, and prints them as TSV with empty judgement columns
``speaker_ok``, ``target_ok``, ``type_ok`` (``1``/``0``) and ``kind`` (a short name for the kind of error) to
fill in by hand, following ``../shared/eval/README.md`` and the statement-type taxonomy.

``python -m benchmarks.handcheck compare SAMPLE.tsv RECORDS.jsonl`` matches the rows of a judged sample against
the records of a later run (same article, sentence, cue and speaker mention, same target name) and prints, for
each row, whether it is still there with the same type, with another type (to judge again) or gone; then the
precision of the judged sample (rows right on speaker, target and type / rows) before and after, counting gone
rows as removed predictions.

The text to run on must be news kg was not written against: the VOA stories of ``../shared/data/news`` that are
not in ``voa_dev`` (never the held-out ones), and Wikinews articles.  The judged files stay outside the
repository; nothing of the gold files is read here.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

COLUMNS = ("key", "article", "speaker", "type", "target", "cue", "sentence",
           "speaker_ok", "target_ok", "type_ok", "kind", "note")


def triples(path: Path) -> Iterator[dict[str, str]]:
    """Yield one row per (statement, target) of the dyadic, asserted statements in a ``kg extract`` JSONL file.

    :param path: JSON Lines records as written by ``kg extract -o FILE.jsonl``.
    :returns: dicts with the keys of :data:`COLUMNS` (judgement columns empty); ``key`` is
        ``article:sentence_start:cue_start:speaker_mention_start:target_name``, stable across runs.
    """
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            if rec.get("hypothetical") or rec.get("negated"):
                continue
            for target in rec.get("targets") or []:
                actor = rec["actor"]
                mention = actor.get("mention") or {}
                key = ":".join(str(x) for x in (rec["article"]["id"], rec["sentence"]["start"],
                                                 rec["cue"]["start"], mention.get("start"), target["name"]))
                yield {"key": key, "article": rec["article"]["id"],
                       "speaker": f'{actor["name"]} [{mention.get("text", "")}]',
                       "type": rec["type"],
                       "target": f'{target["name"]} [{(target.get("mention") or {}).get("text", "")}]',
                       "cue": rec["cue"]["text"], "sentence": " ".join(rec["sentence"]["text"].split()),
                       "speaker_ok": "", "target_ok": "", "type_ok": "", "kind": "", "note": ""}


def sample(path: Path, n: int, seed: int) -> list[dict[str, str]]:
    """Return ``n`` rows of :func:`triples` drawn with ``random.Random(seed)`` (all rows when fewer), in file order."""
    rows = list(triples(path))
    picked = sorted(random.Random(seed).sample(range(len(rows)), min(n, len(rows))))
    return [rows[i] for i in picked]


def _right(row: dict[str, str]) -> bool:
    return all(row[c].strip() == "1" for c in ("speaker_ok", "target_ok", "type_ok"))


def compare(judged: Path, records: Path) -> dict[str, float]:
    """Print each judged row against a later run; return the precision before and after.

    :returns: ``{"rows", "right_before", "precision_before", "kept", "right_kept", "retyped", "precision_after"}``;
        after the change, a retyped row counts as right only when its judgement is updated by hand
        (it is printed with ``RETYPED`` so it can be).
    """
    with judged.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    now = {row["key"]: row for row in triples(records)}
    kept = right_kept = retyped = 0
    for row in rows:
        new = now.get(row["key"])
        state = "gone" if new is None else ("same" if new["type"] == row["type"] else f'RETYPED {new["type"]}')
        print(f'{state:<20} {"ok " if _right(row) else "BAD"} {row["speaker"]} -{row["type"]}-> {row["target"]}'
              f' | {row["kind"]}')
        if new is None:
            continue
        kept += 1
        if new["type"] != row["type"]:
            retyped += 1
        elif _right(row):
            right_kept += 1
    right = sum(_right(r) for r in rows)
    out = {"rows": len(rows), "right_before": right, "precision_before": right / max(len(rows), 1),
           "kept": kept, "right_kept": right_kept, "retyped": retyped,
           "precision_after": right_kept / max(kept, 1)}
    print(json.dumps(out))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="print a random sample of dyadic triples as TSV")
    s.add_argument("records", type=Path)
    s.add_argument("--n", type=int, default=120)
    s.add_argument("--seed", type=int, default=14)
    c = sub.add_parser("compare", help="compare a judged sample with a later run")
    c.add_argument("judged", type=Path)
    c.add_argument("records", type=Path)
    args = parser.parse_args(argv)
    if args.command == "sample":
        writer = csv.DictWriter(sys.stdout, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(sample(args.records, args.n, args.seed))
    else:
        compare(args.judged, args.records)


if __name__ == "__main__":
    main()
