"""The command line's worker processes: an ordered, bounded, crash-proof map.

:func:`ordered_map` runs ``func(item, *args)`` for each item, in input order.
With several workers, items go to the processes in chunks (one submit per page
cost about 1 ms of pickling and pipe traffic, a quarter of a page's parse), at
most :func:`in_flight_limit` items ahead of the output, so memory stays flat
however many pages come in. The first chunks are small (1, 2, 4...) so that a
short batch still spreads over every worker.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

__all__ = ["CHUNK", "in_flight_limit", "ordered_map"]

_T = TypeVar("_T")
_I = TypeVar("_I")

#: Items per task sent to a worker, once the run is under way (a reference
#: page takes ~4 ms: 16 pages make ~60 ms of work per round trip).
CHUNK = 16
#: Chunks in flight per worker: one being parsed, two queued behind it.
CHUNKS_PER_WORKER = 3


def in_flight_limit(workers: int) -> int:
    """The most items taken from the input and not yet given back."""
    return workers * CHUNKS_PER_WORKER * CHUNK


def _run_chunk(func: Callable[..., _T], items: list[Any], args: tuple[Any, ...]) -> list[_T]:
    return [func(item, *args) for item in items]


def _chunks(items: Iterable[_I], size: int) -> Iterator[list[_I]]:
    chunk: list[_I] = []
    want = 1
    for item in items:
        chunk.append(item)
        if len(chunk) >= want:
            yield chunk
            chunk = []
            want = min(want * 2, size)
    if chunk:
        yield chunk


def ordered_map(
    func: Callable[..., _T],
    items: Iterable[_I],
    args: tuple[Any, ...],
    workers: int,
    crashed: Callable[[_I], _T],
    *,
    chunk: int = CHUNK,
) -> Iterator[_T]:
    """``func(item, *args)`` for each item, in input order, on *workers* processes.

    If a worker process dies (killed, out of memory, a crash in C code), the
    items it may have held are retried one by one in a fresh process; an item
    that kills its process again gives ``crashed(item)``, and the run goes on.
    """
    if workers <= 1:
        for item in items:
            yield func(item, *args)
        return
    window = workers * CHUNKS_PER_WORKER
    pending: collections.deque[tuple[list[_I], Future[list[_T]]]] = collections.deque()
    pool = ProcessPoolExecutor(max_workers=workers)

    def drain(keep: int) -> Iterator[_T]:
        """Yield finished results, oldest first, until at most *keep* chunks are in flight."""
        nonlocal pool
        while len(pending) > keep:
            try:
                yield from pending[0][1].result()
                pending.popleft()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                while pending:
                    for item in pending.popleft()[0]:
                        yield _isolated(func, item, args, crashed)
                pool = ProcessPoolExecutor(max_workers=workers)

    try:
        for batch in _chunks(items, chunk):
            pending.append((batch, pool.submit(_run_chunk, func, batch, args)))
            yield from drain(window - 1)
        yield from drain(0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(func: Callable[..., _T], item: Any, args: tuple[Any, ...], crashed: Callable[[Any], _T]) -> _T:
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(func, item, *args).result()
        except BrokenProcessPool:
            return crashed(item)
