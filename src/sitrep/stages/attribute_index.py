"""The attribute ruler's matching step, looked up by index instead of spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` maps fine tags to coarse POS and morphology and holds
lemma and POS exceptions (179 patterns, every one an exact match on TAG, LOWER, DEP or
IS_SPACE of one or two tokens). spaCy runs them through its general ``Matcher``, which
checks each pattern at each token: measured on real news articles, ~60 us a token, about
an eighth of the model's time. An exact match on a token's attributes needs no search:
this index files each pattern under the value of its first token's most selective
attribute, so a token is checked against the handful of patterns filed under its own
lower-case form, tag, dependency label and whitespace flag.

The result is the same list of matches the Matcher gives, sorted the same way (rule
number, then position), and the ruler's own ``set_annotations`` applies it, so the
annotations are identical (tests/test_attribute_index.py compares both on real articles). A
ruler holding any pattern this index cannot read (an operator, a set of values, another
attribute) is left to the Matcher.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Optional

#: the token attributes the index reads, by the Matcher's names; a pattern is filed under
#: the first of them (in this order: the most selective first) that its first token
#: tests for one value or a set of values
ATTRIBUTES = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")

#: one attribute's test (column, operator, value) on the token's row of
#: ``Doc.to_array(ATTRIBUTES)``: "==" a value, "in" / "not_in" a frozenset (string values
#: as their hashes in the vocab), "regex" a compiled pattern searched in the string
Test = tuple[int, str, Any]
#: a rule: (rule number, match id, the tests of each of its tokens)
Rule = tuple[int, int, tuple[tuple[Test, ...], ...]]

#: entries each memo of an index holds before it starts afresh: a long ingest meets ever
#: new words, and a memo keyed by them would grow without end (a few MB at this size)
MEMO_ENTRIES = 50_000


class IndexedAttributeMatches:
    """``match(doc)`` as ``AttributeRuler.match`` returns it: (rule number, match id,
    start, end), sorted, found through an index of the ruler's patterns."""

    def __init__(self, rules: list[Rule], strings: Any):
        index: dict[tuple[int, Any], list[Rule]] = defaultdict(list)
        #: rules whose first token has no attribute to file them under (a REGEX alone)
        self.unfiled: list[Rule] = []
        for rule in rules:
            keys = _filing_keys(rule[2][0])
            for key in keys:
                index[key].append(rule)
            if not keys:
                self.unfiled.append(rule)
        self.index = dict(index)
        self.filed_by = tuple(sorted({column for column, _ in self.index}))
        self.strings = strings
        #: (pattern, string hash) -> whether the pattern is found in the string
        self._regex_seen: dict[tuple[Any, int], bool] = {}
        #: the columns the first token of each unfiled rule reads, and per row of values
        #: on them the unfiled rules whose first token passes (found once per value)
        self._unfiled_columns = tuple(sorted({column for rule in self.unfiled for column, _, _ in rule[2][0]}))
        self._unfiled_seen: dict[tuple, list[Rule]] = {}

    @classmethod
    def of(cls, ruler: Any) -> Optional["IndexedAttributeMatches"]:
        """The index of a loaded ``AttributeRuler``, or None if a pattern uses what this
        index cannot read (an operator, another attribute: the Matcher keeps that ruler)."""
        rules: list[Rule] = []
        strings = ruler.vocab.strings
        for number in range(len(ruler.attrs)):
            key = str(number)
            entry = ruler.matcher.get(key)
            if entry is None:
                return None
            for pattern in entry[1]:
                tests = _tests(pattern, strings)
                if tests is None:
                    return None
                rules.append((number, strings[key], tests))
        return cls(rules, strings)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import IDS

        rows = doc.to_array([IDS[a] for a in ATTRIBUTES]).tolist() if len(doc) else []
        if rows and not isinstance(rows[0], list):  # one attribute gives a flat array
            rows = [[r] for r in rows]
        matches = set()
        n = len(rows)
        index, unfiled, filed_by = self.index, self.unfiled, self.filed_by
        for i, row in enumerate(rows):
            candidates = [rule for column in filed_by for rule in index.get((column, row[column]), ())]
            if unfiled:
                candidates += self._unfiled_for(row)
            for number, match_id, tests in candidates:
                end = i + len(tests)
                if end <= n and all(self._passes(rows[i + k], token_tests) for k, token_tests in enumerate(tests)):
                    matches.add((number, match_id, i, end))
        return sorted(matches)

    def _unfiled_for(self, row: list[int]) -> list[Rule]:
        key = tuple(row[column] for column in self._unfiled_columns)
        found = self._unfiled_seen.get(key)
        if found is None:
            _make_room(self._unfiled_seen)
            found = self._unfiled_seen[key] = [rule for rule in self.unfiled if self._passes(row, rule[2][0])]
        return found

    def _passes(self, row: list[int], tests: tuple[Test, ...]) -> bool:
        for column, op, value in tests:
            got = row[column]
            if op == "==":
                ok = got == value
            elif op == "in":
                ok = got in value
            elif op == "not_in":
                ok = got not in value
            else:
                seen = self._regex_seen.get((value, got))
                if seen is None:
                    _make_room(self._regex_seen)
                    seen = self._regex_seen[(value, got)] = value.search(self.strings[got]) is not None
                ok = seen
            if not ok:
                return False
        return True


def _make_room(memo: dict) -> None:
    """Empty a full memo before it takes one more entry (a memo only saves work: the
    matches are the same with or without it; the common words come back at once)."""
    if len(memo) >= MEMO_ENTRIES:
        memo.clear()


def _filing_keys(first: tuple[Test, ...]) -> list[tuple[int, Any]]:
    by_column = {column: (op, value) for column, op, value in first if op in ("==", "in")}
    for column in range(len(ATTRIBUTES)):
        if column in by_column:
            op, value = by_column[column]
            return [(column, value)] if op == "==" else [(column, v) for v in sorted(value)]
    return []


_OPERATORS = {"IN": "in", "NOT_IN": "not_in", "REGEX": "regex"}


def _tests(pattern: list[dict], strings: Any) -> Optional[tuple[tuple[Test, ...], ...]]:
    """A Matcher pattern as tests, or None if it holds anything else (OP, other
    attributes or predicates, values of another type)."""
    out = []
    for spec in pattern:
        tests = []
        for name, value in spec.items():
            attr = name.upper()
            if attr not in ATTRIBUTES:
                return None
            test = _test(ATTRIBUTES.index(attr), attr, value, strings)
            if test is None:
                return None
            tests.append(test)
        if not tests:
            return None
        out.append(tuple(tests))
    return tuple(out) or None


def _test(column: int, attr: str, value: Any, strings: Any) -> Optional[Test]:
    """One attribute's test; values as ``Doc.to_array`` gives them (a string's hash, a
    flag as 0/1), so that a value never seen in the vocab still compares right."""
    flag = attr == "IS_SPACE"
    scalar = bool if flag else str

    def encoded(v):
        return int(v) if flag else strings.add(v)

    if isinstance(value, scalar):
        return (column, "==", encoded(value))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (name, arg), = value.items()
    op = _OPERATORS.get(name)
    if op == "regex":
        return (column, op, re.compile(arg)) if not flag and isinstance(arg, str) else None
    if op and isinstance(arg, list) and all(isinstance(v, scalar) for v in arg):
        return (column, op, frozenset(encoded(v) for v in arg))
    return None


def use_index(nlp) -> bool:
    """Make the pipeline's ``attribute_ruler`` find its matches by index; returns
    whether it did (False: no such component, or patterns the index cannot read)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = IndexedAttributeMatches.of(ruler)
    if indexed is None:
        return False
    # AttributeRuler.__call__ runs self.match, then its own set_annotations: only the
    # search for matches changes
    ruler.match = indexed
    return True
