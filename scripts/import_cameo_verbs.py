"""Import the PETRARCH2/Phoenix CAMEO verb dictionary as compact verb -> CAMEO code tables.

    python scripts/import_cameo_verbs.py [--source FILE] [--out DIR]

Reads ``CAMEO.2.0.txt`` (default ``../shared/data/phoenix-dictionaries``; MIT, Open Event
Data Alliance) and writes to ``src/sitrep/knowledge/data/cameo/``:

  verbs.tsv          verb lemma, particle ("ask for"), its synset, its own CAMEO code
  verb_patterns.tsv  synset, particle, preposition, object head (a word or a &class), code
  verb_classes.tsv   the noun classes the patterns use (&WEAPON -> missile, rocket ...)
  VERBS_NOTICE       the dictionary's licence and where it comes from

Only facts are carried over (which verb and which object give which code): the
dictionary's comments, coder initials and dates are left out. The PLOVER type is not
written here: ``knowledge/cameo_verbs.py`` reads it off the CAMEO -> PLOVER crosswalk
when it loads the tables, so the policy lives in one place.

How the dictionary's pattern language is reduced (PETRARCH2 matches full phrase
structures; sitrep matches dependency heads):
  - ``- * WORD [code]``        object head WORD
  - ``- * {MOCK ATTACK}``      a noun phrase: its last word is the object head
  - ``- * (TO BORDER)``        a prepositional phrase: preposition TO, object head BORDER
  - ``- * &WEAPON``            any noun of the class &WEAPON
  - ``- * OFF &WEAPON``        a leading particle (OFF, UP, OUT ...) is kept as such
  - only the first object and the first prepositional phrase of a pattern are kept;
  - patterns with words before the verb (subject constraints, ``- &MILITARY *``) and
    patterns with skips or source/target markers (``^ $ + %``) are left out;
  - codes written ``[a:b]`` (one code each way: ``a`` from the subject to the object,
    ``b`` back from the object's side to the subject) keep the first; a pattern written
    ``[:b]`` codes only the act back toward the subject ("RECEIVE &CURRENCY [:071]": the
    giver aids the subject; "STAND TRIAL [:173]": the subject is the one coerced): it keeps
    ``b`` with the direction ``converse``, which the stage reads with the roles swapped;
    ``[---]`` is no code.
The conversion is deterministic: run it again on the same file, get the same output.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = PROJECT.parent / "shared" / "data" / "phoenix-dictionaries" / "CAMEO.2.0.txt"
DEFAULT_OUT = PROJECT / "src" / "sitrep" / "knowledge" / "data" / "cameo"

#: words written right after the verb that are particles, not objects ("set off", "put up")
PARTICLES = frozenset({"up", "down", "off", "out", "back", "forward", "aside", "away", "over",
                       "in", "on", "through", "together", "apart", "around", "ahead"})
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass(frozen=True)
class Verb:
    lemma: str
    particle: str
    synset: str
    code: str
    origin: str  # "verb": written on the verb's line; "synset": the synset's header code


@dataclass(frozen=True)
class Pattern:
    synset: str
    particle: str
    prep: str
    obj: str
    code: str
    direction: str = "-"  # "converse": the code is the act toward the subject (``[:b]``)


def first_code(text: str) -> str:
    """The CAMEO code of a ``[...]`` field: the first of ``a:b``, '' for none or ``---``."""
    for part in text.split(":"):
        part = part.strip()
        if part.isdigit() and 2 <= len(part) <= 4:
            return part
    return ""


def is_converse(text: str) -> bool:
    """Whether a ``[...]`` field codes only the act back toward the subject (``[:b]``):
    no code before the colon, one after it."""
    forward, colon, back = text.partition(":")
    return bool(colon) and not forward.strip() and bool(first_code(back))


def _word(raw: str) -> str:
    """A dictionary word as sitrep matches it: lower case, ``_`` joins words, a trailing
    ``_`` (no stemming) dropped."""
    return raw.strip("_").replace("_", " ").lower()


def _head(raw: str) -> str:
    """The head of a phrase: its last word (``{MOCK ATTACK}`` -> attack), a class as is."""
    words = raw.strip("{}()").split()
    if not words:
        return ""
    last = words[-1]
    return last.upper() if last.startswith("&") else _word(last)


def parse_verb_line(line: str, synset: str, default: str) -> Optional[Verb]:
    """``ASK [020]``, ``+ASK_FOR {forms} [020]``, ``HURRY {forms}``: lemma, particle, code."""
    text = line.split("#", 1)[0].strip()
    if not text:
        return None
    code_match = _CODE.search(text)
    code = first_code(code_match.group(1)) if code_match else default
    origin = "verb" if code_match else "synset"
    name = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).split()[0].lstrip("+")
    words = [w for w in name.split("_") if w]
    if not words or not words[0].isalpha():
        return None
    particle = " ".join(w.lower() for w in words[1:])
    return Verb(words[0].lower(), particle, synset, code, origin if code else "-")


def parse_pattern_line(line: str, synset: str, default: str) -> Optional[Pattern]:
    """``- * OFF &WEAPON [183]`` -> Pattern(particle off, object &WEAPON, code 183)."""
    text = line.split("#", 1)[0]
    code_match = _CODE.search(text)
    if code_match is None:
        return None
    code = first_code(code_match.group(1)) or default
    direction = "converse" if is_converse(code_match.group(1)) else "-"
    body = text[:code_match.start()].strip()[1:].strip()  # drop the leading "-"
    if not code or not body.startswith("*") or any(m in body for m in "^$+%!"):
        return None  # subject constraints and role markers are beyond a head match
    particle = prep = obj = ""
    tokens = _TOKEN.findall(body[1:])
    for i, tok in enumerate(tokens):
        if tok.startswith("("):
            inner = tok.strip("()").split()
            if inner and not prep:
                prep = _word(inner[0])
                obj_of_prep = _head(" ".join(inner[1:])) if len(inner) > 1 else ""
                if not obj and obj_of_prep:
                    obj = obj_of_prep
            continue
        if i == 0 and _word(tok) in PARTICLES and len(tokens) > 1:
            particle = _word(tok)
            continue
        if not obj:
            obj = _head(tok)
    if not (particle or prep or obj):
        return None
    return Pattern(synset, particle, prep, obj, code, direction)


def read_dictionary(path: Path) -> tuple[list[Verb], list[Pattern], dict[str, list[str]]]:
    """Verbs, patterns and noun classes of the dictionary, in file order."""
    verbs: list[Verb] = []
    patterns: list[Pattern] = []
    classes: dict[str, list[str]] = {}
    in_verbs = False
    synset, default, klass = "", "", None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if line.startswith("####### VERB PATTERNS"):
            in_verbs, klass = True, None
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            klass = None if not line.strip() else klass
            continue
        if not in_verbs:
            if line.startswith("&"):
                klass = line.split()[0].strip("&_").upper()
                classes[klass] = []
            elif line.startswith("+") and klass is not None:
                word = _word(line[1:].split("#", 1)[0].split()[0]) if line[1:].split() else ""
                if word and word not in classes[klass]:
                    classes[klass].append(word)
            continue
        header = _HEADER.match(line)
        if header:
            synset, default = header.group(1).lower(), first_code(header.group(2))
            continue
        if line.startswith("-"):
            pattern = parse_pattern_line(line, synset, default)
            if pattern is not None:
                patterns.append(pattern)
        elif synset:
            verb = parse_verb_line(line, synset, default)
            if verb is not None:
                verbs.append(verb)
    return verbs, patterns, classes


def _unique(rows: Iterable[tuple]) -> list[tuple]:
    seen, out = set(), []
    for row in rows:
        if row not in seen:
            seen.add(row)
            out.append(row)
    return out


def write_tables(verbs, patterns, classes, out: Path, source: Path) -> dict[str, int]:
    """Write the three TSV tables and the notice; returns the row counts."""
    out.mkdir(parents=True, exist_ok=True)
    head = (f"# Derived by scripts/import_cameo_verbs.py from {source.name} (PETRARCH2/Phoenix,\n"
            "# MIT, Open Event Data Alliance; see VERBS_NOTICE). Facts only: no comments carried over.\n")
    verb_rows = _unique((v.lemma, v.particle or "-", v.synset, v.code or "-", v.origin) for v in verbs)
    pattern_rows = _unique((p.synset, p.particle or "-", p.prep or "-", p.obj or "-", p.code, p.direction)
                           for p in patterns)
    used = {p.obj for p in patterns if p.obj.startswith("&")}
    class_rows = [(k, w) for k in sorted(classes) if "&" + k in used or k in used for w in classes[k]]
    _write(out / "verbs.tsv", head + "# lemma\tparticle\tsynset\tcode (- = only through a pattern)\t"
           "origin (verb: the verb's own code; synset: its synset's code)\n",
           ("lemma", "particle", "synset", "code", "origin"), verb_rows)
    _write(out / "verb_patterns.tsv", head + "# synset\tparticle\tpreposition\tobject head or &CLASS\tcode\t"
           "direction (converse: the act is toward the subject, written [:code])\n",
           ("synset", "particle", "prep", "object", "code", "direction"), pattern_rows)
    _write(out / "verb_classes.tsv", head + "# class\tword (the last word of a phrase is its head)\n",
           ("class", "word"), [("&" + k, w) for k, w in class_rows])
    licence = (source.parent / "LICENSE").read_text(encoding="utf-8")
    (out / "VERBS_NOTICE").write_text(
        "verbs.tsv, verb_patterns.tsv and verb_classes.tsv in this folder are derived from the\n"
        "CAMEO verb pattern dictionary CAMEO.2.0.txt of PETRARCH2 / Phoenix (Open Event Data\n"
        "Alliance, https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/,\n"
        "last commit 2019-03-18), a composite of the TABARI CAMEO dictionaries and WordNet\n"
        "synonym sets. Converted by scripts/import_cameo_verbs.py (verb forms, patterns reduced\n"
        "to particle/preposition/object heads, codes; comments left out).\n\n"
        "The dictionary's licence:\n\n" + licence, encoding="utf-8")
    return {"verbs": len(verb_rows), "patterns": len(pattern_rows), "class words": len(class_rows)}


def _write(path: Path, preamble: str, header: tuple, rows: list[tuple]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(preamble)
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="CAMEO.2.0.txt")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"error: {args.source} not found: pass --source path/to/CAMEO.2.0.txt", file=sys.stderr)
        return 2
    verbs, patterns, classes = read_dictionary(args.source)
    counts = write_tables(verbs, patterns, classes, args.out, args.source)
    print(", ".join(f"{n} {what}" for what, n in counts.items()) + f" -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
