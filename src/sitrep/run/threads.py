"""One BLAS thread per worker process, set where it takes effect: before the child starts.

numpy's OpenBLAS (which spaCy's matrix products use: sitrep.stages.nlp.load_spacy) starts
one thread per core when it is first imported, and reads its thread count from the
environment only then. A pool of N workers on N cores, each with N BLAS threads, runs N²
threads that spin and evict each other's caches. Setting ``OMP_NUM_THREADS`` inside a
worker's initializer comes too late: the child has already imported numpy while it
unpickled the task. So the variables are put in the environment a child process is
started with (``single_threaded_children`` around ``Process.start``, used by the local
pool and by the nannies of a local Dask cluster, which spawn through the same context).
A remote Dask cluster's workers get the same from Dask's own default
``distributed.nanny.pre-spawn-environ``.

A value the user has set is kept (someone running one worker on a 32-core machine may
want BLAS threads); only missing variables are filled in, and only for the child.
"""
from __future__ import annotations

import contextlib
import os
import threading
from typing import Iterator

#: what the BLAS/OpenMP libraries a worker may load read at start-up: OpenMP itself,
#: OpenBLAS (numpy's wheels), MKL, BLIS (thinc's), Apple Accelerate, numexpr
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

# os.environ is process-wide: two pools starting children at once (a Dask nanny's
# thread and the local pool) must not restore each other's values halfway
_LOCK = threading.RLock()


def child_thread_environment(environ: "os._Environ[str] | dict[str, str]" = os.environ) -> dict[str, str]:
    """The variables a worker process must start with: one thread for each one that is
    not already set in ``environ``."""
    return {name: "1" for name in THREAD_VARIABLES if not environ.get(name)}


@contextlib.contextmanager
def single_threaded_children() -> Iterator[dict[str, str]]:
    """While open, a process started from this one inherits one-thread BLAS settings
    (yields what was added); this process's own environment is as before afterwards."""
    with _LOCK:
        added = child_thread_environment()
        os.environ.update(added)
        try:
            yield added
        finally:
            for name in added:
                os.environ.pop(name, None)
