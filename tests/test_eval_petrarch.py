"""The PETRARCH scorer: unit-test codes read by their meaning, the validation actors."""
from sitrep.eval.sets import petrarch

DICTIONARY = """<!-- an invented actor dictionary in the TABARI format -->
# a comment line
NORTHMARK_  [NMK]
+NORTHMARKIAN
WESTFOLD_GUARDS [WFDMIL] # a note
OLD_KING
\t[--- <950630]
\t[OKG]
FRANCE  [FRA]
LOST_PLACE  [+++]
"""


def test_validation_actor_rows_reads_synonyms_codes_and_sectors(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    rows = {r["name"]: r for r in petrarch.validation_actor_rows(path, lambda name, code: code == "FRA")}
    assert set(rows) == {"Northmark", "Westfold Guards", "Old King"}
    assert rows["Northmark"]["country"] == "NMK" and rows["Northmark"]["aliases"] == "Northmarkian"
    assert (rows["Westfold Guards"]["kind"], rows["Westfold Guards"]["country"],
            rows["Westfold Guards"]["sector"]) == ("org", "WFD", "MIL")
    assert rows["Old King"]["country"] == "OKG"  # the discard before a date is no code


def test_unit_codes_are_read_by_their_meaning_not_as_cameo(shared_data):
    table = petrarch.load_crosswalk(shared_data)
    codes = petrarch.load_unit_codes()
    # WEIS 041 is praise (CAMEO 051), not CAMEO 041 "discuss by telephone"
    assert petrarch.unit_code_to_plover("041", codes, table) == "SUPPORT"
    assert petrarch.cameo_to_plover("041", table) == "CONSULT"
    assert petrarch.unit_code_to_plover("223", codes, table) == "ASSAULT"
    assert petrarch.unit_code_to_plover("212", codes, table) == "COERCE"
    assert petrarch.unit_code_to_plover("023", codes, table) is None  # a comment is no event
    assert petrarch.unit_code_to_plover("345", codes, table) is None  # a mechanics-test code


def test_every_unit_gold_code_has_a_reading(shared_data):
    codes = petrarch.load_unit_codes()
    used = {c["cameo"] for r in petrarch.load_rows(shared_data)
            if petrarch.PARTS.get(r["source_file"]) == "unit" for c in r["codings"]}
    assert used <= set(codes), sorted(used - set(codes))
