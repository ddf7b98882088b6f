import json
import subprocess
import sys

HEADER = "id\tname\tkind\tsector\tcountry\tigo\trole\tstart\tend\tgender\taliases\tdemonyms\tmetonyms\n"
STORY = ("General Ramon Ferrata ordered troops to the border on Monday, officials said. "
         "Ferrata later met commanders of the regional army to discuss the deployment, "
         "according to the defence ministry, which gave no further details about the plan.\n")


def _extract(tmp_path, *extra):
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    return subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", str(story),
                           "--published", "2026-01-05", *extra], capture_output=True, text=True)


def _ferrata(doc):
    return [a for a in doc["actors"] if "Ferrata" in a["text"]]


def test_user_actor_file_is_used_by_extract(tmp_path):
    kb = tmp_path / "mine.tsv"
    kb.write_text(HEADER + "ferrata\tRamon Ferrata\tperson\tMIL\tVEN\t\tgeneral\t2020-01-01\t\tm\tFerrata\t\t\n")
    proc = _extract(tmp_path, "--actors", str(kb))
    assert proc.returncode == 0, proc.stderr
    mentions = _ferrata(json.loads(proc.stdout))
    assert mentions and all(m["country"] == "VEN" and m["name"] == "Ramon Ferrata" for m in mentions)


def test_without_the_file_the_person_is_not_venezuelan(tmp_path):
    proc = _extract(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert all(m["country"] != "VEN" for m in _ferrata(json.loads(proc.stdout)))


def test_missing_actor_file_is_a_one_line_error(tmp_path):
    proc = _extract(tmp_path, "--actors", str(tmp_path / "nope.tsv"))
    assert proc.returncode == 2
    assert "--actors" in proc.stderr and "Traceback" not in proc.stderr
