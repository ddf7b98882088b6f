"""How a process that analyses many articles keeps its memory: settled once it has loaded.

Two costs that grow with the number of articles, not with what is in them, measured on
real news in one worker (docs/performance.md):

* **Python's cyclic garbage collector** walks every tracked object of the oldest
  generation on each full collection: after loading, that is the actor knowledge base,
  the gazetteer and the spaCy model (~130k objects), none of which ever becomes garbage.
  ``gc.freeze()`` after loading moves them out of the collector's sight (collections
  then look at the articles' objects only).
* **Fresh pages for every batch.** glibc's malloc serves large blocks (the model's
  activation arrays, a few MB each) with ``mmap`` and gives them back on ``free``, so the
  next batch faults the same amount of memory in again and the kernel zeroes it page
  by page. Raising the mmap and trim thresholds keeps such blocks in the heap for reuse:
  a process's peak memory is what it is anyway; it is just not handed back between
  batches.

``settle()`` does both; nothing it does changes a result. ``SITREP_MALLOC=default``
leaves malloc as it is.
"""
from __future__ import annotations

import ctypes
import gc
import os
import sys

#: mallopt parameters (glibc malloc.h)
_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD = -1, -2, -3
#: blocks up to this size come from the heap (and are reused) instead of fresh mappings
MMAP_THRESHOLD = 64 << 20
#: free memory at the top of the heap kept before any is given back to the system
TRIM_THRESHOLD = 256 << 20
#: extra heap asked for at each growth, so a batch's arrays grow it in few steps
TOP_PAD = 16 << 20


def settle() -> dict[str, bool]:
    """Freeze what is loaded out of the garbage collector's walks and keep freed large
    blocks for reuse; returns what was done (``{"gc_frozen": ..., "malloc_tuned": ...}``)."""
    return {"gc_frozen": freeze_loaded_objects(), "malloc_tuned": keep_freed_blocks()}


def freeze_loaded_objects() -> bool:
    """Collect once, then move every object alive now to the permanent generation."""
    gc.collect()
    gc.freeze()
    return True


def keep_freed_blocks() -> bool:
    """Raise glibc malloc's mmap and trim thresholds (see the module docstring); False
    where there is no glibc (another C library, another OS) or ``SITREP_MALLOC=default``."""
    if os.environ.get("SITREP_MALLOC", "").lower() == "default" or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    done = [mallopt(param, value) for param, value in
            ((_M_MMAP_THRESHOLD, MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, TRIM_THRESHOLD), (_M_TOP_PAD, TOP_PAD))]
    return all(r == 1 for r in done)
