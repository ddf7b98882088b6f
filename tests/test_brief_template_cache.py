"""The compiled-template cache speeds the brief up; it must never cost the user the brief."""
import errno

import jinja2.bccache

from sitrep.report import html


def _render_with_fresh_environment():
    html.environment.cache_clear()
    try:
        env = html.environment()
        return env.from_string("{{ x }}").render(x="<b>"), env
    finally:
        html.environment.cache_clear()


def test_a_full_disk_under_the_cache_does_not_fail_the_brief(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jinja2.bccache.tempfile, "NamedTemporaryFile", disk_full)
    html.environment.cache_clear()
    try:
        cache = html._bytecode_cache()
        assert cache is not None
        bucket = jinja2.bccache.Bucket(html.environment(), "k", "checksum")
        bucket.code = compile("x = 1", "<t>", "exec")
        cache.dump_bytecode(bucket)  # raised OSError before: a traceback instead of a brief
    finally:
        html.environment.cache_clear()


def test_a_cache_path_that_cannot_be_a_folder_means_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("SITREP_CACHE", str(blocker))
    assert html._bytecode_cache() is None
    rendered, env = _render_with_fresh_environment()
    assert rendered == "&lt;b&gt;" and env.bytecode_cache is None
