"""`sitrep serve` (the dashboard) and `sitrep watch` (feed polling)."""
from __future__ import annotations

import argparse
import contextlib
import ipaddress
import signal
import socket
import sys
from pathlib import Path
from typing import Optional

from sitrep.errors import SitrepError

DEFAULT_PORT = 8000


def register(sub) -> None:
    from sitrep.cli.options import add_actors, add_db, positive_int

    p = sub.add_parser("serve", help="the local web dashboard and JSON API over the store (read-only)",
                       description="Serve the dashboard and the read-only JSON API (docs/api.md) over the "
                                   "store. The server reads a copy of the store, made again when the store "
                                   "changes, so an ingest can write meanwhile. It binds 127.0.0.1 (this "
                                   "machine only) unless --allow-remote is given.")
    add_db(p)
    add_serve_options(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("watch", help="poll RSS/Atom feeds and pages, ingest what is new, record each poll",
                       description="Poll RSS/Atom feeds and pages on a schedule, ingest the new articles "
                                   "into the store as `sitrep ingest` does, and record each poll (the "
                                   "dashboard's live page lists them). A failing feed is retried after a "
                                   "wait that doubles each time. With --once or --rounds the exit status is "
                                   "2 when every poll failed or had all its new items refused.")
    p.add_argument("feeds", nargs="+", help="feed or page URLs, or files listing them one per line (feeds.txt)")
    add_db(p)
    p.add_argument("--every", default="15m", help="poll each feed this often: 30s, 15m, 2h (default 15m)")
    p.add_argument("--once", action="store_true", help="poll every feed once and stop")
    p.add_argument("--rounds", type=positive_int("--rounds"), metavar="N",
                   help="stop after this many rounds of polling")
    p.add_argument("--timeout", default="20s", help="give up on one request after this long (default 20s)")
    p.add_argument("--retry-after", default="1m",
                   help="first retry of a failed feed after this long, doubling each time (default 1m)")
    p.add_argument("--max-wait", default="6h", help="longest wait between retries of a failing feed (default 6h)")
    p.add_argument("--no-follow", dest="follow", action="store_false",
                   help="store feed items as they are, without fetching the page of a summary-only item")
    p.add_argument("--workers", type=positive_int("--workers"), default=1, metavar="N",
                   help="worker processes for the analysis (default 1)")
    add_actors(p)
    p.set_defaults(func=cmd_watch)


def add_serve_options(p: argparse.ArgumentParser) -> None:
    """Options shared by `serve` and `demo --serve`."""
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any free port)")
    p.add_argument("--allow-remote", action="store_true",
                   help="required to bind an address other machines can reach; the store becomes readable "
                        "by anyone who can reach it")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, port: int, allow_remote: bool) -> Optional[str]:
    """None for a loopback bind; the warning to print for an allowed remote one; raises otherwise."""
    if not 0 <= port <= 65535:
        raise SitrepError(f"--port {port} is not a port number (0 to 65535)")
    if _is_loopback(host):
        return None
    if not allow_remote:
        raise SitrepError(f"--host {host} would let other machines read your store; bind 127.0.0.1 (the default), "
                          f"or add --allow-remote if you mean it")
    return (f"WARNING: serving on {host}: anyone who can reach this address can read the whole store "
            f"(there is no login). Stop with Ctrl-C.")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host.strip("[]"), 0))
        return s.getsockname()[1]


def check_store(path: Path) -> None:
    """A missing, damaged or foreign file (another tool's DuckDB database, a store missing a
    table) is refused before the server starts (one line, exit 2), as every other command
    does; a store a writer holds right now is served as soon as the writer lets go (the
    snapshot waits for it)."""
    from sitrep.corpus.dbfile import StoreBusy, check_file, check_tables, connect, verify_blocks

    if not path.exists():
        raise SitrepError(f"no database at {path}; run `sitrep ingest` first or pass --db")
    check_file(path)
    try:
        con = connect(path, read_only=True, wait=0)
    except StoreBusy:
        return
    try:
        verify_blocks(con, path)
        check_tables(con, path, read_only=True)
    finally:
        con.close()


def serve(db, host: str = "127.0.0.1", port: int = DEFAULT_PORT, allow_remote: bool = False) -> int:
    """Serve the dashboard for ``db`` until Ctrl-C."""
    import uvicorn

    from sitrep.corpus.store import default_db_path
    from sitrep.web.app import LOCAL_HOSTS, create_app

    warning = check_bind(host, port, allow_remote)
    path = Path(db).expanduser() if db else default_db_path()
    check_store(path)
    if port == 0:
        port = free_port(host)
    else:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            try:
                s.bind((host.strip("[]"), port))
            except OSError as exc:
                raise SitrepError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port "
                                  f"(0 picks a free one)") from None
    hosts = LOCAL_HOSTS if warning is None else ["*"]
    app = create_app(path, allowed_hosts=hosts)
    if warning:
        print(warning, file=sys.stderr)
    shown = f"[{host}]" if ":" in host else host
    config = uvicorn.Config(app, host=host.strip("[]"), port=port, log_level="warning", timeout_graceful_shutdown=2,
                            access_log=False)
    run_announced(config, f"sitrep: serving {path} at http://{shown}:{port}/ (read-only; Ctrl-C stops)")
    return 0


def run_announced(config, line: str) -> None:
    """Run uvicorn and print ``line`` once it accepts connections. The first copy of the
    store is made before that (up to seconds): a user or a script that opens the address as
    soon as it is printed must not be refused."""
    import uvicorn

    class Announcing(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            await super().startup(sockets=sockets)
            if not self.should_exit:
                print(line, file=sys.stderr, flush=True)

    Announcing(config).run()


def cmd_serve(args) -> int:
    return serve(args.db, args.host, args.port, args.allow_remote)


def cmd_watch(args) -> int:
    from sitrep.corpus.store import default_db_path
    from sitrep.web.watch import Watcher, feed_urls, parse_duration

    if args.rounds is not None and args.rounds < 1:
        raise SitrepError("--rounds must be 1 or more")
    if args.workers < 1:
        raise SitrepError("--workers must be 1 or more")
    urls = feed_urls(args.feeds)
    db = Path(args.db).expanduser() if args.db else default_db_path()
    every = parse_duration(args.every)
    watcher = Watcher(db, urls, every=every, timeout=parse_duration(args.timeout),
                      retry_after=parse_duration(args.retry_after), max_wait=parse_duration(args.max_wait),
                      follow_links=args.follow, workers=args.workers)
    rounds = 1 if args.once else args.rounds
    how_often = "once" if rounds == 1 else f"every {args.every}" + (f", {rounds} rounds" if rounds else "")
    print(f"sitrep: watching {len(urls)} feed(s) {how_often} into {db} (Ctrl-C stops)", file=sys.stderr)
    try:
        with _stopped_by_signals():
            watcher.run(rounds=rounds)
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        print(f"sitrep: watch stopped by {signal.Signals(signum).name} after {watcher.rounds} round(s); every "
              f"committed poll is recorded; run the same command to go on", file=sys.stderr)
        return 128 + int(signum)
    failed = watcher.all_failed() if rounds else []
    if failed:  # a scheduled `watch --once` must be able to tell that nothing could be fetched
        shown = "; ".join(f"{url}: {detail}" for url, _, detail in failed[:3]) + ("; ..." if len(failed) > 3 else "")
        if all(outcome == "failed" for _, outcome, _ in failed):
            raise SitrepError(f"every poll failed ({shown}); check the addresses and the network, then run again "
                              f"(each feed's back-off is kept in the store)")
        raise SitrepError(f"nothing was stored: every poll failed or had all its new items refused ({shown})")
    return 0


class _Stopped(KeyboardInterrupt):
    def __init__(self, signum: int):
        super().__init__(f"stopped by signal {signum}")
        self.signum = signum


@contextlib.contextmanager
def _stopped_by_signals():
    """SIGTERM (a service manager, ``kill``) and SIGHUP (a closed terminal) stop a watch
    the way Ctrl-C does -- with a line saying so -- instead of ending it without a word.
    Inside an ingest, the ingest's own handler defers them to its next commit."""
    def stop(signum, frame):
        raise _Stopped(signum)

    signums = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, stop) for s in signums}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
