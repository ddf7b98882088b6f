"""A store as a Parquet dataset: one Parquet file per table and a manifest, queried in place.

A DuckDB file has one writer and lives on one disk. On a cluster, or to hand a finished
store to colleagues, the same tables can live as Parquet files in a folder on a shared
filesystem or in object storage; DuckDB reads them where they are. The reading commands
(``events``, ``incidents``, ``brief``, ``export``, ``serve``) accept such a folder for
``--db`` and see exactly the tables of the store it was written from: every table becomes
a view over its Parquet file inside an in-memory DuckDB connection, so the SQL behind the
commands runs unchanged. A dataset is read-only: ingest into a DuckDB store and write the
dataset again (``sitrep export --format dataset DIR``).

Layout (``DIR/``)::

    sitrep-dataset.json    manifest: format, schema version, tables and row counts
    articles.parquet       one file per table of the store, all columns
    events.parquet
    ...

A folder is recognised by its manifest. A URL (``s3://bucket/run-1``, ``gs://...``,
``memory://...``) is read through fsspec (installed with ``sitrep[dask]``), registered with
DuckDB, so no DuckDB extension has to be downloaded at run time.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from sitrep.errors import SitrepError

MANIFEST = "sitrep-dataset.json"
FORMAT = "sitrep-parquet-dataset"
#: manifest format version (changes only when the layout above changes)
LAYOUT_VERSION = 1


class DatasetError(SitrepError):
    """The folder or URL is not a usable sitrep dataset; the message says what to do."""


def is_url(location: str) -> bool:
    """True for ``scheme://...`` locations other than plain files."""
    scheme, sep, _ = location.partition("://")
    return bool(sep) and scheme.isalnum() and scheme.lower() != "file"


def _local(location: str) -> Path:
    return Path(location[len("file://"):] if location.startswith("file://") else location).expanduser()


def is_dataset(location: str | Path) -> bool:
    """True when ``location`` is a folder (or URL) holding a sitrep dataset manifest."""
    text = str(location)
    if is_url(text):
        try:
            fs, root = _filesystem(text)
        except DatasetError:
            return True  # a URL is never a DuckDB file: let open() say what is missing
        return fs.exists(f"{root.rstrip('/')}/{MANIFEST}")
    path = _local(text)
    return path.is_dir() and (path / MANIFEST).is_file()


def _filesystem(url: str):
    try:
        import fsspec
    except ImportError:
        raise DatasetError(f"reading {url} needs fsspec: pip install 'sitrep[dask]' "
                           "(or copy the dataset folder to a local path)") from None
    try:
        fs, root = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise DatasetError(f"cannot open {url}: {exc}; install the fsspec driver for this scheme "
                           "(e.g. s3fs for s3://) or copy the dataset to a local folder") from None
    return fs, root


# -- reading ---------------------------------------------------------------------------------

def read_manifest(location: str | Path) -> dict[str, Any]:
    text = str(location)
    try:
        if is_url(text):
            fs, root = _filesystem(text)
            with fs.open(f"{root.rstrip('/')}/{MANIFEST}", "r") as f:
                manifest = json.load(f)
        else:
            manifest = json.loads((_local(text) / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{text} has no {MANIFEST}: it is not a sitrep dataset; "
                           "write one with `sitrep export --format dataset DIR`") from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"cannot read the manifest of {text} ({exc}); "
                           "write the dataset again with `sitrep export --format dataset DIR`") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise DatasetError(f"{text}/{MANIFEST} is not a sitrep dataset manifest; "
                           "write the dataset again with `sitrep export --format dataset DIR`")
    return manifest


def connect(location: str | Path):
    """An in-memory DuckDB connection where every table of the dataset is a view."""
    import duckdb

    text = str(location)
    manifest = read_manifest(text)
    con = duckdb.connect(":memory:")
    if is_url(text):
        fs, _ = _filesystem(text)
        con.register_filesystem(fs)
        base = text.rstrip("/")
    else:
        base = str(_local(text).resolve())
    try:
        for table in manifest["tables"]:
            name = table["name"]
            if not name.replace("_", "").isalnum():
                raise DatasetError(f"{text}/{MANIFEST} names a table {name!r}; write the dataset again")
            source = f"{base}/{table['file']}".replace("'", "''")
            con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet(\'{source}\')')
    except DatasetError:
        con.close()
        raise
    except Exception as exc:  # noqa: BLE001 - a missing or damaged Parquet file
        con.close()
        raise DatasetError(f"cannot read the tables of {text} ({str(exc).splitlines()[0]}); "
                           "write the dataset again with `sitrep export --format dataset DIR`") from None
    return con


# -- writing ---------------------------------------------------------------------------------

def write_dataset(store, out: str | Path) -> list[str]:
    """Write every table of ``store`` as Parquet plus the manifest into ``out``; -> files written.

    The files are written into a temporary folder first and moved into place together, so
    a reader never finds a dataset with some tables new and others old; the manifest goes
    last. A URL target is written locally, then uploaded through fsspec.
    """
    text = str(out)
    if is_url(text):
        fs, root = _filesystem(text)
        with tempfile.TemporaryDirectory(prefix="sitrep-dataset-") as tmp:
            names = _write_local(store, Path(tmp))
            root = root.rstrip("/")
            for name in sorted(names, key=lambda n: n == MANIFEST):  # the manifest last
                fs.put_file(str(Path(tmp) / name), f"{root}/{name}")
        return [f"{text.rstrip('/')}/{n}" for n in names]
    target = _local(text)
    if target.exists() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise DatasetError(f"{target} is a folder with other files in it; give an empty or new folder "
                           "(or an earlier sitrep dataset, which is replaced)")
    try:
        target.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".sitrep-dataset-", dir=target))
    except OSError as exc:
        raise DatasetError(f"cannot write to {target} ({exc.strerror}); pass another folder") from None
    try:
        names = _write_local(store, staging)
        stale = {p.name for p in target.glob("*.parquet")} - set(names)
        for name in sorted(names, key=lambda n: n == MANIFEST):
            os.replace(staging / name, target / name)
        for name in stale:  # tables the store no longer has
            (target / name).unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [str(target / n) for n in names]


def _write_local(store, folder: Path) -> list[str]:
    from sitrep import __version__

    tables = []
    for name in _base_tables(store):
        file = f"{name}.parquet"
        path = str(folder / file).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM \"{name}\") TO '{path}' (FORMAT PARQUET)")
        rows = store.con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        tables.append({"name": name, "file": file, "rows": int(rows)})
    manifest = {
        "format": FORMAT, "layout_version": LAYOUT_VERSION, "schema_version": store.schema_version(),
        "written_by": f"sitrep {__version__}", "source": str(store.path),
        "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "tables": tables,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return [t["file"] for t in tables] + [MANIFEST]


def _base_tables(store) -> list[str]:
    return [r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_schema = 'main' ORDER BY table_name").fetchall()]


def schema_version_of(location: str | Path) -> Optional[int]:
    version = read_manifest(location).get("schema_version")
    return int(version) if isinstance(version, int) else None
