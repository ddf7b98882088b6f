"""`sitrep serve` on a Parquet dataset (sitrep export --format dataset) answers as it does on
the store it was written from, reads the dataset in place and never deletes it."""
from __future__ import annotations

import warnings

import pytest

from web_helpers import build_store, normal_docs

warnings.filterwarnings("ignore", message=".*httpx.*")

REQUESTS = ("/api/events?per_page=200", "/api/incidents?per_page=200", "/api/incidents?about=Venezuela",
            "/api/actors", "/api/events?type=ASSAULT&sort=date")


def _answers(db) -> dict[str, object]:
    from fastapi.testclient import TestClient
    from sitrep.web.app import create_app

    with TestClient(create_app(db, check_every=60), base_url="http://127.0.0.1") as client:
        answers = {}
        for url in REQUESTS:
            response = client.get(url)
            assert response.status_code == 200, (url, response.text[:200])
            answers[url] = response.json()
        incident = answers["/api/incidents?per_page=200"]["items"][0]["incident_id"]
        answers["incident"] = client.get(f"/api/incidents/{incident}").json()
        page = client.get("/incidents")
        assert page.status_code == 200 and "Content-Security-Policy" in page.headers
    return answers


def test_serve_answers_the_same_from_a_dataset(tmp_path):
    from sitrep.corpus import dataset
    from sitrep.corpus.exports import export
    from sitrep.corpus.store import Store

    db = build_store(tmp_path / "store.duckdb", normal_docs())
    folder = tmp_path / "dataset"
    with Store(db, read_only=True) as store:
        export(store, "dataset", folder)
    files_before = sorted(p.name for p in folder.iterdir())
    assert _answers(folder) == _answers(db)
    assert sorted(p.name for p in folder.iterdir()) == files_before  # read in place, nothing removed
    assert (folder / dataset.MANIFEST).is_file()


def test_serve_refuses_a_dataset_url_with_one_line(tmp_path):
    from sitrep.errors import SitrepError
    from sitrep.web.snapshot import Snapshots

    with pytest.raises(SitrepError, match="local or mounted folder"):
        Snapshots("s3://bucket/news")
