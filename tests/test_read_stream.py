"""A local UTF-8 JSONL file is read record by record (memory bounds one record, not the
file), in file order, with the same articles and skips as reading it whole; other
encodings, gzip and stdin are read whole as before."""
import gzip
import json
import tracemalloc

from sitrep.errors import Skip
from sitrep.read import read_bytes, read_inputs


def _records(n, words=200):
    body = " ".join(["The council met again on Tuesday to discuss the budget."] * (words // 10))
    return [json.dumps({"id": f"r{i}", "text": f"{body} Record {i}.", "published": "2025-12-01"}) for i in range(n)]


def _key(item):
    if isinstance(item, Skip):
        return ("skip", item.origin, item.reason)
    return ("article", item.id, item.origin, item.text, item.published, item.input_format,
            tuple(sorted(item.meta.items())))


def test_streamed_records_equal_the_whole_file_reading_in_file_order(tmp_path):
    lines = _records(3) + ["not json", "", json.dumps({"title": "no body"}), "x\u2028y"]
    lines.insert(1, json.dumps({"text": "A line separator \u2028 inside a string is one record."}))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\ufeff" + "\r\n".join(lines) + "\n", encoding="utf-8")
    streamed = list(read_inputs([str(path)]))
    articles, skips = read_bytes(path.read_bytes(), str(path), name_hint=path.name)
    assert sorted(map(_key, streamed)) == sorted(map(_key, articles + skips))
    numbers = [int(item.origin.rsplit(":", 1)[1]) for item in streamed]
    assert numbers == sorted(numbers)  # file order: a skip stands where its line is
    assert [type(i).__name__ for i in streamed][:3] == ["Article", "Article", "Article"]


def test_memory_follows_one_record_not_the_file(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(_records(400, words=2000)) + "\n", encoding="utf-8")  # ~4.5 MB
    size = path.stat().st_size
    tracemalloc.start()
    for _ in read_inputs([str(path)]):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < size / 4, (peak, size)  # read whole, the text alone is the file's size


def test_other_encodings_and_gzip_are_read_whole_as_before(tmp_path):
    text = "\n".join(_records(2)) + "\n" + json.dumps({"text": "Caf\u00e9 owners protested in the capital."})
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(text.encode("cp1252"))
    packed = tmp_path / "packed.jsonl.gz"
    packed.write_bytes(gzip.compress(text.encode("utf-8")))
    for path in (latin, packed):
        items = list(read_inputs([str(path)]))
        assert [i.id for i in items if not isinstance(i, Skip)][:2] == ["r0", "r1"]
        assert any("Caf\u00e9" in (i.text or "") for i in items if not isinstance(i, Skip))


def test_an_oversized_archive_is_one_skip(tmp_path, monkeypatch):
    import sitrep.read

    path = tmp_path / "small-limit.jsonl"
    path.write_text("\n".join(_records(50)) + "\n", encoding="utf-8")
    monkeypatch.setattr(sitrep.read, "MAX_ARCHIVE_BYTES", 2000)
    items = list(read_inputs([str(path)], max_bytes=1000))
    assert len(items) == 1 and isinstance(items[0], Skip) and items[0].reason == "too_large"
