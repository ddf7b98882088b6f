"""The CAMEO <-> PLOVER crosswalk shipped for the GDELT export, and its reading backwards."""
from pathlib import Path

import pytest

from sitrep.knowledge.cameo import CAMEO_DIR, fips, gdelt_columns, load_crosswalk
from sitrep.knowledge.plover import load_triggers
from sitrep.model import PLOVER_TYPES, QUAD_CLASS

ROOT = Path(__file__).resolve().parents[1]
CROSSWALK = ROOT.parent / "shared" / "data" / "plover-gsr-cameo" / "upstream" / "CAMEO2PLOVER-2021.txt"


def test_the_shipped_table_is_what_the_script_derives_from_the_crosswalk(tmp_path):
    if not CROSSWALK.exists():
        pytest.skip("shared data absent")
    import runpy
    script = runpy.run_path(str(ROOT / "scripts" / "derive_cameo_crosswalk.py"))
    out = tmp_path / "cameo_plover.tsv"
    assert script["main"](["derive", str(CROSSWALK), str(out)]) == 0
    assert out.read_text() == (CAMEO_DIR / "cameo_plover.tsv").read_text()


def test_every_plover_type_and_stage_mode_has_a_cameo_code_of_that_type():
    crosswalk = load_crosswalk()
    pairs = {(t, None) for t in PLOVER_TYPES} | {(t.type, t.mode) for t in load_triggers()}
    for category, mode in sorted(pairs, key=str):
        code = crosswalk.code_for(category, mode)
        assert code is not None, (category, mode)
        if code.basis != "sitrep":  # sitrep_modes.tsv may point across categories on purpose
            assert crosswalk.category_of(code.code) == category, (category, mode, code)


@pytest.mark.parametrize("category, mode, expected", [
    ("ASSAULT", None, "180"), ("ASSAULT", "firearms", "193"), ("ASSAULT", "abduct", "181"),
    ("ACCUSE", None, "110"), ("ACCUSE", "investigate", "090"), ("COERCE", "arrest", "173"),
    ("COERCE", "restrict", "172"), ("PROTEST", "strike", "143"), ("RETREAT", None, "084"),
    ("RETREAT", "release", "0841"), ("CONSULT", "visit", "042"), ("SANCTION", "convict", "160"),
])
def test_code_for(category, mode, expected):
    assert load_crosswalk().code_for(category, mode).code == expected


def test_quad_class_follows_the_cameo_root():
    crosswalk = load_crosswalk()
    # CONCEDE is verbal cooperation in PLOVER, but CAMEO's root 08 is material cooperation
    concede = crosswalk.code_for("CONCEDE")
    assert (concede.root, concede.quad_class, QUAD_CLASS["CONCEDE"]) == ("08", 2, "verbal cooperation")
    assert crosswalk.code_for("THREATEN").quad_class == 3 and crosswalk.code_for("AID").quad_class == 2


def test_unknown_category_has_no_code():
    assert load_crosswalk().code_for("FIGHT") is None


def test_fips_codes_beside_iso():
    assert (fips("DE"), fips("DEU"), fips("GB"), fips("VEN"), fips("ZZ")) == ("GM", "GM", "UK", "VE", "")


def test_gdelt_schemas_have_the_codebook_widths():
    events, mentions = gdelt_columns("events"), gdelt_columns("mentions")
    assert len(events) == 61 and events[0] == ("GLOBALEVENTID", "INTEGER") and events[-1] == ("SOURCEURL", "STRING")
    assert len(mentions) == 16 and mentions[9] == ("ActionCharOffset", "INTEGER")
    assert {t for _, t in events} == {"INTEGER", "FLOAT", "STRING"}
