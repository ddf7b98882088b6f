"""The allsides-dev gold: 42 articles (parts A-C from the shared list, part D from ids-D.txt),
its part-D draw reproducible and disjoint from every other gold, every span on real words."""
import importlib.util
import json
from pathlib import Path

import pytest

from sitrep.eval.sets import allsides_dev

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPUS = DATA / "allsides-intl" / "articles.jsonl"
GOLD = allsides_dev.GOLD_DIR
needs_data = pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/data/allsides-intl is absent")


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ids(path: Path) -> list[str]:
    return path.read_text().split()


def test_listed_ids_are_the_shared_list_plus_every_ids_file_of_the_gold_folder(tmp_path):
    data, gold = tmp_path / "data", tmp_path / "gold"
    (data / "allsides-intl").mkdir(parents=True)
    gold.mkdir()
    (data / "allsides-intl" / "dev-gold-ids.txt").write_text("a-2\na-1\n")
    (gold / "ids-D.txt").write_text("a-3\n\na-1\n")
    (gold / "part-D.jsonl").write_text("")  # not an ids file
    assert allsides_dev.listed_ids(data, gold) == ["a-1", "a-2", "a-3"]
    assert allsides_dev.listed_ids(None, gold) == ["a-1", "a-3"]


def test_the_dev_set_is_scored_on_the_listed_ids(monkeypatch):
    seen = {}
    monkeypatch.setattr(allsides_dev, "listed_ids", lambda data_dir, gold_dir=GOLD: ["x-1", "x-2"])
    monkeypatch.setattr(allsides_dev, "evaluate_gold", lambda *a, **kw: seen.update(kw) or "result")
    assert allsides_dev.evaluate(None, "/nowhere") == "result"
    assert seen["listed"] == ["x-1", "x-2"]


@needs_data
def test_the_gold_covers_exactly_the_42_listed_articles_with_128_part_d_events():
    articles, events = allsides_dev.load_gold()
    listed = allsides_dev.listed_ids(DATA)
    assert sorted(articles) == listed and len(listed) == 42
    part_d, d_events = allsides_dev.load_gold("part-D.jsonl")
    assert sorted(part_d) == sorted(_ids(GOLD / "ids-D.txt")) and len(part_d) == 12
    # 126 events as committed in 7815ab6, 128 after the session-11 review's corrections
    assert sum(len(v) for v in d_events.values()) == 128
    assert all(d_events[a] for a in part_d), "every part-D article has coded events"
    assert {r["annotator"] for r in part_d.values()} == {"D"}


@needs_data
def test_part_d_draw_is_reproducible_and_stays_out_of_the_other_golds_and_the_odd_half():
    select_dev = _script("select_allsides_dev")
    chosen = select_dev.select(extra=[GOLD / "selection-exclude-D.txt"])
    ids = [r["id"] for _, r in chosen]
    assert ids == _ids(GOLD / "ids-D.txt")
    assert all(select_dev.in_even_half(i) for i in ids)
    others = (set(_ids(DATA / "allsides-intl" / "dev-gold-ids.txt"))
              | {i for f in (ROOT / "src/sitrep/eval/gold/allsides-test").glob("ids*.txt") for i in _ids(f)}
              | select_dev.incident_gold_ids() | set(_ids(GOLD / "selection-exclude-D.txt")))
    assert not set(ids) & others
    assert len({r["source"] for _, r in chosen}) == 12, "one article per outlet"
    assert sum(r["published"] is None for _, r in chosen) == 2


def test_even_half_is_decided_by_the_last_hex_digit_of_the_ids_sha1():
    in_even_half = _script("select_allsides_dev").in_even_half
    # sha1("c") ends in 4, sha1("e") in f: the two halves of a draw never share an id
    assert in_even_half("c") and not in_even_half("e")


def test_a_bucket_without_undated_candidates_passes_its_undated_slot_on():
    select_dev = _script("select_allsides_dev")

    def rec(i: int, bucket_title: str, dated: bool) -> dict:
        return {"id": f"r{i:02d}", "title": f"{bucket_title} {i}", "source": f"outlet {i}",
                "published": "2019-01-01" if dated else None, "text": "x" * 2000}

    records = [rec(i, t, dated=True) for i, t in enumerate(["venezuela", "venezuela", "syria", "syria", "iran",
                                                            "iran", "ukraine", "ukraine", "north korea",
                                                            "north korea", "israel", "yemen"])]
    records += [rec(20, "syria", dated=False), rec(21, "ukraine", dated=False)]
    chosen = select_dev.draw(records, seed=1, excluded=set())
    undated = [(bucket, r["id"]) for bucket, r in chosen if r["published"] is None]
    # venezuela has no undated article: its undated slot goes to the next bucket that has one
    assert undated == [("syria", "r20"), ("ukraine-russia", "r21")]
    assert [bucket for bucket, _ in chosen].count("venezuela") == 2


@needs_data
def test_every_part_d_offset_lies_on_words_inside_one_sentence():
    ids = set(_ids(GOLD / "ids-D.txt"))
    texts = allsides_dev.corpus_texts(DATA, ids)
    rows = [json.loads(line) for line in (GOLD / "part-D.jsonl").read_text(encoding="utf-8").splitlines()]
    checked = 0
    for rec in rows:
        if rec["kind"] != "event":
            continue
        text = texts[rec["article"]]
        sentences = allsides_dev.sentence_spans(text)
        one_sentence = list(rec["mentions"]) + ([rec["date_span"]] if rec.get("date_span") else [])
        actors = [a["span"] for a in (rec.get("source"), rec.get("target"), rec.get("attributed_to"))
                  if a and a.get("span")]
        for start, end in one_sentence + actors:
            piece = text[start:end]
            assert piece and piece.strip() == piece, (rec["article"], rec["event"])
            assert start == 0 or not text[start - 1].isalnum(), (rec["article"], rec["event"])
            assert end == len(text) or not text[end].isalnum(), (rec["article"], rec["event"])
            checked += 1
        for start, end in one_sentence:
            inside = any(s <= start and end <= t for s, t in sentences)
            assert inside, (rec["article"], rec["event"], "crosses sentences")
    assert checked > 300


def test_a_bucket_with_no_candidate_passes_its_slots_to_the_next_bucket_only_with_the_fallback():
    select_dev = _script("select_allsides_dev")

    def rec(i: int, bucket_title: str, dated: bool = True) -> dict:
        return {"id": f"r{i:02d}", "title": f"{bucket_title} {i}", "source": f"outlet {i}",
                "published": "2019-01-01" if dated else None, "text": "x" * 2000}

    # no venezuela article at all; syria has enough for its own slots and venezuela's
    titles = ["syria"] * 4 + ["iran", "iran", "ukraine", "ukraine", "north korea", "north korea",
                              "israel", "yemen"]
    records = [rec(i, t) for i, t in enumerate(titles)]
    records += [rec(20, "syria", dated=False), rec(21, "ukraine", dated=False)]
    chosen = select_dev.draw(records, seed=1, excluded=set(), bucket_fallback=True)
    assert len(chosen) == 12
    own = [select_dev.bucket_of(r["title"]) for _, r in chosen]
    assert own[:2] == ["syria", "syria"] and own.count("syria") == 4
    assert [slot for slot, _ in chosen][:2] == ["venezuela", "venezuela"]
    # the first slot is an undated one: the fallback looks for an undated syria article first
    assert chosen[0][1]["id"] == "r20"
    with pytest.raises(SystemExit):
        select_dev.draw(records, seed=1, excluded=set())


def test_the_part_e_options_are_its_own_seed_with_the_fallback_and_part_d_is_unchanged():
    select_dev = _script("select_allsides_dev")
    assert select_dev.PARTS == {"D": (20261202, False), "E": (20261213, True)}
    assert select_dev.ids_file("E") == GOLD / "ids-E.txt"
