"""Many documents: walk folders, parse in worker processes, one record per input.

Workers receive paths, never texts, read and parse the file themselves and send back the
JSON string (a pydantic model is never pickled). Every input yields exactly one record: the
document, or an error record ``{"source": path, "error": {"code": …, "message": …}}``.
A bug that raises inside a worker is an error record too (code ``internal``), and so is a
file that takes longer than the batch's ``timeout`` (code ``timeout``): one bad file never
stops a batch.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

EXTENSIONS = (".txt", ".docx", ".doc", ".pdf", ".html", ".htm")


@dataclass(slots=True)
class Result:
    """One input's outcome: ``json`` (the document) or ``error`` ({"code", "message"})."""

    path: str
    json: str | None = None
    error: dict[str, str] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def document(self):
        """The parsed :class:`~vbhc.models.Document` (``None`` for an error record)."""
        if self.json is None:
            return None
        from .models import Document

        return Document.from_json(self.json)

    def record(self) -> str:
        """The JSONL line for this input (without the newline)."""
        if self.json is not None:
            return self.json
        assert self.error is not None
        return error_record(self.path, self.error["code"], self.error["message"])


def error_record(source: str | None, code: str, message: str) -> str:
    """The JSON line that stands for an input that gave no document."""
    return json.dumps({"source": source, "error": {"code": code, "message": message}}, ensure_ascii=False)


def input_key(path: str | os.PathLike[str]) -> str:
    """What identifies an input however it is spelled (``mix/a.txt``, ``./mix/a.txt``,
    ``$PWD/mix/a.txt``, a symbolic link): its absolute path, links resolved."""
    return os.path.normcase(os.path.realpath(path))


def output_among(output: str, files: Sequence[str]) -> bool:
    """Whether the file ``output`` names is one of ``files``: the same resolved path, or the
    same file on disk (a hard link)."""
    key = input_key(output)
    try:
        st = os.stat(output)
    except OSError:
        st = None
    for f in files:
        if input_key(f) == key:
            return True
        if st is not None:
            try:
                if os.path.samestat(st, os.stat(f)):
                    return True
            except OSError:
                pass
    return False


def collect(paths: Iterable[str | os.PathLike[str]], glob: str | None = None) -> list[str]:
    """Input files: files named are taken as they are (whatever their name); folders are
    walked for documents (``glob`` selects, e.g. ``"*.docx"``; default: every known
    extension). Sorted within a folder, order of the arguments kept; a file named twice, however
    spelled (``mix``, ``./mix/a.txt``, ``$PWD/mix``), is taken once, as first spelled."""
    out: list[str] = []
    seen: set[str] = set()
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found = p.rglob(glob) if glob else (f for f in p.rglob("*") if f.suffix.lower() in EXTENSIONS)
            files = sorted(str(f) for f in found if f.is_file() and not f.name.endswith(".gold.json"))
        else:
            files = [str(p)]
        for f in files:
            key = input_key(f)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


# -- the work of one input (runs in a worker) ----------------------------------------------

# What each worker is doing, shared with the parent (a pool's ``_Board``): a worker writes
# the index of the input it starts and when it started, and zero when it is done, so that the
# parent can stop a worker that an alarm cannot (stuck inside one call into a native library).
_slot = -1
_board: _Board | None = None


class _Board:
    """Per-worker slots in shared memory: process id, input index, start time (monotonic)."""

    def __init__(self, ctx, n: int) -> None:
        self.n = n
        self.taken = ctx.Value("i", 0)
        self.pid = ctx.Array("q", n, lock=False)
        self.index = ctx.Array("q", n, lock=False)
        self.since = ctx.Array("d", n, lock=False)

    def join(self) -> int:
        """A slot for the calling worker (-1 when every slot is taken)."""
        with self.taken.get_lock():
            k = self.taken.value
            self.taken.value += 1
        if k >= self.n:
            return -1
        self.pid[k] = os.getpid()
        return k

    def kill_stuck(self, limit: float, live: set[int] | None = None) -> list[int]:
        """Stop the workers busy with one input for over ``limit`` s; their inputs' indices.
        ``live``: the pool's process ids, when known (a worker that died by itself leaves its
        slot busy, and its process id may since have gone to another process)."""
        import signal

        now = time.monotonic()
        out = []
        for k in range(self.n):
            since = self.since[k]
            if not since or now - since <= limit:
                continue
            i = self.index[k]
            if self.since[k] != since:  # it moved on to its next input meanwhile
                continue
            if live is not None and self.pid[k] not in live:
                self.since[k] = 0.0
                continue
            try:
                os.kill(self.pid[k], signal.SIGKILL)
            except OSError:  # it ended meanwhile
                continue
            self.since[k] = 0.0
            out.append(i)
        return out


def _init(limits: dict | None = None, worker: bool = False, board: _Board | None = None) -> None:
    from .grammar import load_all
    from .limits import configure

    if worker:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if board is not None:
        global _slot, _board
        _board, _slot = board, board.join()
    if limits:
        configure(**limits)  # a spawned worker does not inherit the parent's settings
    load_all()  # compile once per process, before the first document (a forked worker has it already)


MAX_TIMEOUT = 1e8  # seconds (three years): a longer timeout, or an infinite one, is none


class _Timeout(BaseException):
    """Raised by the alarm inside a file that takes too long. A BaseException, like
    KeyboardInterrupt, so that no reader's ``except Exception`` turns it into another error."""


_armed = False  # the alarm raises only while a file is being read (a late signal is ignored)


def _alarm(signum, frame) -> None:
    if _armed:
        raise _Timeout


def _can_time() -> bool:
    """An alarm can interrupt the parse: Unix, the main thread, and no timer of the caller's
    running (which a timeout of ours would cancel)."""
    import signal
    import threading

    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


def work(path: str, format: str | None = None, pdf_engine: str = "pdfium", timeout: float | None = None) -> Result:
    """Read and parse one file into a Result; never raises. ``timeout`` (seconds): give up on
    a file that takes longer, with an error record (only where :func:`_can_time`: a signal
    interrupts Python code and regular expressions, not a call into a native library)."""
    if not (timeout and 0 < timeout < MAX_TIMEOUT and _can_time()):
        return _work(path, format, pdf_engine)
    import signal

    global _armed
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        _armed = True
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            return _work(path, format, pdf_engine)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _armed = False
    except _Timeout:
        return Result(path, error={"code": "timeout", "message": f"{path}: gave up after {timeout:g} s "
                                   "(a batch's --timeout)"})
    finally:
        _armed = False
        signal.signal(signal.SIGALRM, old)


def _work(path: str, format: str | None, pdf_engine: str) -> Result:
    from .document import parse_source
    from .reader import read_source

    try:
        src = read_source(path, format=format, pdf_engine=pdf_engine)
        return Result(path, json=parse_source(src, source=path).to_json(indent=None))
    except InputError as exc:
        return Result(path, error={"code": exc.code, "message": str(exc)})
    except MemoryError:
        return Result(path, error={"code": "too_large", "message": f"{path}: out of memory while parsing"})
    except Exception as exc:  # a bug in vbhc: reported, the batch goes on
        return Result(path, error={"code": "internal", "message": f"{path}: internal error: "
                                   f"{type(exc).__name__}: {exc}"})


CHUNK_BYTES = 256 * 1024  # about 70 ms of parsing: a task's round trip is small beside it
CHUNK_FILES = 16


def _chunks(files: list[str], jobs: int) -> Iterator[list[tuple[int, str]]]:
    """Files to send to a worker together: consecutive files up to ``CHUNK_BYTES`` (a larger
    file goes alone) or ``CHUNK_FILES``, and small batches split evenly so that every worker
    has work. One task per file cost the parent, which shares the cores with its workers, a
    round trip per document; one task per many files let a worker finish long after the
    others."""
    most = max(1, min(CHUNK_FILES, len(files) // (jobs * 8)))
    chunk: list[tuple[int, str]] = []
    size = 0
    for i, f in enumerate(files):
        try:
            n = os.stat(f).st_size
        except OSError:
            n = 0  # the worker reports why it cannot be read
        if chunk and (size + n > CHUNK_BYTES or len(chunk) >= most):
            yield chunk
            chunk, size = [], 0
        chunk.append((i, f))
        size += n
    if chunk:
        yield chunk


def _work_chunk(chunk: list[tuple[int, str]], format: str | None, pdf_engine: str,
                timeout: float | None) -> list[Result]:
    board, k = _board, _slot
    if board is None or k < 0:
        return [work(p, format, pdf_engine, timeout) for _, p in chunk]
    out = []
    for i, p in chunk:
        board.index[k] = i
        board.since[k] = time.monotonic()
        try:
            out.append(work(p, format, pdf_engine, timeout))
        finally:
            board.since[k] = 0.0
    return out


GRACE = 10.0  # seconds past a file's timeout before its worker is stopped from outside


def _live(ex) -> set[int] | None:
    """The process ids of a pool's workers (None when the executor does not tell)."""
    procs = getattr(ex, "_processes", None)  # CPython's ProcessPoolExecutor, 3.8 to 3.14
    return set(procs) if isinstance(procs, dict) else None


def _stuck_error(path: str, timeout: float) -> Result:
    return Result(path, error={"code": "timeout", "message": f"{path}: gave up after {timeout:g} s (a batch's "
                               f"--timeout); the worker, still busy {GRACE:g} s later (inside a native "
                               "library?), was stopped"})


def parse_many(paths: Iterable[str | os.PathLike[str]], *, jobs: int | None = None, ordered: bool = False,
               format: str | None = None, pdf_engine: str = "pdfium",
               timeout: float | None = None) -> Iterator[Result]:
    """Parse many files in ``jobs`` processes (default: all cores; 1 parses in this process)
    and yield a :class:`Result` for each, as they complete (``ordered=True``: in input order).

    ``timeout``: seconds one file may take; a file that takes longer gets an error record
    (code ``timeout``) and the batch goes on. An alarm interrupts Python code and regular
    expressions; a worker process still on one file ``GRACE`` seconds later is stuck inside a
    native library (a PDF page) and is killed. With ``jobs=1`` (no worker to kill) only the alarm
    applies, and only when called from the main thread.

    The grammar is compiled here first: a bad grammar edit raises its
    :class:`~vbhc.errors.GrammarError` before any file is read.

    A worker that dies (a crash in a native library, the out-of-memory killer) costs only the
    file it was reading: the pool is restarted, the files that were in flight are retried one
    at a time, and the one that kills a worker again gets an error record (``crashed``).

        for r in vbhc.parse_many(vbhc.batch.collect(["plans/"]), jobs=2):
            if r.ok: doc = r.document()
    """
    files = [str(p) for p in paths]
    jobs = jobs or os.cpu_count() or 1
    _init()  # here, not in each worker: a bad grammar is one GrammarError, not a crashed worker per file
    if jobs <= 1 or len(files) <= 1:
        for f in files:
            yield work(f, format, pdf_engine, timeout)
        return
    yield from _pooled(files, jobs, ordered, format, pdf_engine, timeout)


def _pooled(files: list[str], jobs: int, ordered: bool, format: str | None, pdf_engine: str,
            timeout: float | None) -> Iterator[Result]:
    import multiprocessing as mp
    import signal
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool
    from dataclasses import asdict

    from .limits import LIMITS

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    # with a timeout, the parent also watches the workers: one still busy with a file well
    # after its alarm should have ended it is stuck in native code, and is stopped
    watch = bool(timeout and 0 < timeout < MAX_TIMEOUT and hasattr(signal, "SIGKILL"))
    limit = (timeout or 0) + GRACE

    def pool() -> tuple[ProcessPoolExecutor, _Board]:
        b = _Board(ctx, jobs)
        return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init,
                                   initargs=(asdict(LIMITS), True, b if watch else None)), b

    ex, board = pool()
    todo: deque[list[tuple[int, str]]] = deque(_chunks(files, jobs))
    suspects: deque[tuple[int, str]] = deque()  # in flight when a worker died: retried one at a time
    stuck: dict[int, Result] = {}  # inputs whose worker was stopped from outside
    inflight: dict = {}
    ready: dict[int, Result] = {}
    next_out = 0
    window = jobs * 4  # a few tasks queued per worker, not the whole batch

    def submit(chunk: list[tuple[int, str]], alone: bool) -> bool:
        try:
            inflight[ex.submit(_work_chunk, chunk, format, pdf_engine, timeout)] = (chunk, alone)
        except BrokenProcessPool:  # a worker died since the last look: nothing more goes to this pool
            return False
        return True

    halted = False  # the pool has lost a worker: submit nothing until it is replaced
    try:
        while todo or suspects or inflight:
            if not halted:
                if suspects:
                    if not inflight:
                        if submit([suspects[0]], True):
                            suspects.popleft()
                        else:
                            halted = True
                else:
                    while todo and len(inflight) < window:
                        if not submit(todo[0], False):
                            halted = True
                            break
                        todo.popleft()
            done, _ = wait(inflight, timeout=min(1.0, limit / 4) if watch else None, return_when=FIRST_COMPLETED)
            if watch:
                for i in board.kill_stuck(limit, _live(ex)):  # the pool breaks: the files in flight are retried
                    stuck[i] = _stuck_error(files[i], timeout)  # type: ignore[arg-type]
                    halted = True
            broken = False
            for fut in done:
                chunk, alone = inflight.pop(fut)
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    broken = True
                    results = []
                    for i, f in chunk:
                        if i in stuck:
                            results.append(stuck[i])
                        elif alone:
                            results.append(Result(f, error={
                                "code": "crashed", "message": f"{f}: the worker reading this file died (a crash "
                                "in a parser library, or out of memory)"}))
                        else:
                            suspects.append((i, f))
                            results.append(None)  # type: ignore[arg-type]
                for (i, _), r in zip(chunk, results):
                    if r is None:
                        continue
                    if ordered:
                        ready[i] = r
                    else:
                        yield r
            if broken or (halted and not inflight):
                for fut, (chunk, _alone) in inflight.items():
                    fut.cancel()
                    for i, f in chunk:
                        if i in stuck:
                            if ordered:
                                ready[i] = stuck[i]
                            else:
                                yield stuck[i]
                        else:
                            suspects.append((i, f))
                inflight.clear()
                ex.shutdown(wait=False, cancel_futures=True)
                ex, board = pool()
                halted = False
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            if ordered and not inflight and not todo and not suspects:
                for k in sorted(ready):
                    yield ready.pop(k)
    finally:
        # wait for the workers to exit (they ignore Ctrl-C and finish at most one file each;
        # one stuck in native code is stopped once its file is past the limit)
        if watch and inflight:
            import threading

            over = threading.Event()

            def guard() -> None:
                while not over.wait(0.1):
                    board.kill_stuck(limit, _live(ex))

            threading.Thread(target=guard, daemon=True).start()
            try:
                ex.shutdown(wait=True, cancel_futures=True)
            finally:
                over.set()
        else:
            ex.shutdown(wait=True, cancel_futures=True)


# -- the command ---------------------------------------------------------------------------

@dataclass(slots=True)
class Done:
    """What an output file already holds, for ``--resume``: ``keys``, the inputs with a
    record (by :func:`input_key`, a relative ``source`` read from the current folder), and
    ``errors``, those among them whose record is an error record."""

    keys: set[str]
    errors: set[str]


class Elsewhere(Exception):
    """An output's records name inputs by paths relative to another folder: resuming here
    would parse them again and write a second record for each."""


def done_sources(path: str, retry_errors: bool = False, inputs: Sequence[str] | None = None) -> Done:
    """Inputs already in an output file (for ``--resume``), matched by :func:`input_key`, so
    that ``mix``, ``./mix`` and ``$PWD/mix`` are the same input. A last line cut off by an
    interruption is removed from the file so that appending keeps it valid JSONL.
    ``retry_errors``: inputs of this run (``inputs``; None: every input) whose record is an
    error are not done; their records are removed from the file (written whole beside it,
    then renamed over it) so that each input keeps one line.

    Raises :class:`Elsewhere`, before changing the file, when a record's relative path is
    found neither from here nor among ``inputs`` while an input of this run ends with it
    (``mix/a.txt`` written from another folder, ``/data/mix/a.txt`` now) and the output's
    relative paths are found from the folder that input says the batch ran in more often than
    from here: a resume from the wrong folder would parse that input again. A record whose file
    is gone from a folder where the others still are (``a.txt`` deleted beside ``b.txt``) says
    nothing against a new input of the same name (``new/a.txt``)."""
    p = Path(path)
    if not p.exists():
        return Done(set(), set())
    data = p.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(p, "r+b") as fh:
            fh.truncate(cut)
        data = data[:cut]
    wanted = None if inputs is None else {input_key(f): f for f in inputs}
    done: set[str] = set()
    errors: set[str] = set()
    stray: set[tuple[str, ...]] = set()
    relative: list[str] = []  # the records' relative paths
    keep: list[bytes] = []
    dropped = False
    for line in data.splitlines(keepends=True):
        try:
            rec = json.loads(line)
            src = rec.get("source")
        except (ValueError, AttributeError):
            keep.append(line)
            continue
        key = input_key(src) if isinstance(src, str) else None
        if retry_errors and "error" in rec and key is not None and (wanted is None or key in wanted):
            dropped = True
            continue
        keep.append(line)
        if key is not None:
            done.add(key)
            if "error" in rec:
                errors.add(key)
            if not os.path.isabs(src):
                relative.append(src)
                if wanted is not None and key not in wanted and not os.path.lexists(src):
                    stray.add(Path(os.path.normpath(src)).parts)
    if stray and wanted:
        _check_here(stray, [f for k, f in wanted.items() if k not in done], path, relative)
    if dropped:
        _rewrite(p, b"".join(keep))
    return Done(done, errors)


WITNESSES = 64  # at most this many of an output's relative paths say which folder it was written from


def _check_here(stray: set[tuple[str, ...]], todo: list[str], output: str, relative: list[str]) -> None:
    """Raise :class:`Elsewhere` when an input left to do ends with a stray relative path and
    the output's relative paths (up to WITNESSES of them, spread over it) are found from the
    folder that input would have been named from more often than from here."""
    sizes = {len(s) for s in stray}
    witnesses = relative[::max(1, len(relative) // WITNESSES)][:WITNESSES]
    here = sum(os.path.lexists(r) for r in witnesses)
    there: dict[str, int] = {}  # folder -> how many witnesses are found from it
    for f in todo:
        for whole in (os.path.abspath(f), os.path.realpath(f)):
            parts = Path(whole).parts
            for n in sizes:
                if parts[-n:] in stray:
                    base = os.path.join(*parts[:-n])
                    if base not in there:
                        there[base] = sum(os.path.lexists(os.path.join(base, r)) for r in witnesses)
                    if there[base] <= here:
                        continue  # written here: that record's file is gone, this input is another
                    rel = os.path.join(*parts[-n:])
                    raise Elsewhere(f"{output}: its records name inputs by paths relative to another folder "
                                    f"({rel}, not found from here, may be {f}); resume from the folder "
                                    "the batch ran in")


def _rewrite(path: Path, data: bytes) -> None:
    """Replace a file's content whole: written to a new file beside it (same folder, same
    mode), flushed to disk, then renamed over it; a symbolic link stays a link."""
    import shutil
    import tempfile

    real = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        shutil.copymode(real, tmp)
        os.replace(tmp, real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Progress:
    """A one-line progress bar with rate and ETA on a terminal's stderr; silent otherwise."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.failed = 0
        self.t0 = time.monotonic()
        self.last = 0.0

    def step(self, ok: bool) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        now = time.monotonic()
        if self.enabled and (now - self.last >= 0.1 or self.done == self.total):
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.t0, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        width = 28
        filled = int(width * self.done / max(self.total, 1))
        bar = "#" * filled + "-" * (width - filled)
        fail = f"  {self.failed} failed" if self.failed else ""
        sys.stderr.write(f"\r[{bar}] {self.done}/{self.total}  {rate:7.1f} docs/s  ETA {_clock(left)}{fail} ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def run(paths: Sequence[str], output: str, *, jobs: int | None, glob: str | None, out_format: str, resume: bool,
        quiet: bool, format: str | None, pdf_engine: str, timeout: float | None = None,
        retry_errors: bool = False, stdout=None) -> int:
    """``vbhc batch``: 0 when every input parsed, 2 when any input failed (with ``resume``:
    when the output holds an error record for any input of this run), 130 when interrupted.
    A failed write raises :class:`~vbhc.output.OutputError` (the output file closed).
    ``stdout``: the :class:`~vbhc.output.Output` for ``output="-"``."""
    files = collect(paths, glob)  # a path that does not exist is an input too: it gets its error record
    if resume and out_format == "json":
        print("vbhc: --resume needs --format jsonl", file=sys.stderr)
        return 2
    if resume and output == "-":
        print("vbhc: --resume needs an output file (-o FILE)", file=sys.stderr)
        return 2
    if retry_errors and not resume:
        print("vbhc: --retry-errors goes with --resume", file=sys.stderr)
        return 2
    if not files:  # only folders were named, and nothing in them matched: nothing is written
        looked = repr(glob) if glob else ", ".join("*" + e for e in EXTENSIONS)
        print(f"vbhc: no input files found under {', '.join(map(str, paths))} (looked for {looked})",
              file=sys.stderr)
        return 2
    if output != "-" and output_among(output, files):  # before anything is written
        print(f"vbhc: {output}: the output is one of the inputs", file=sys.stderr)
        return 2
    keys = [input_key(f) for f in files]
    from .output import Output, OutputError

    try:
        old = done_sources(output, retry_errors, files) if resume else Done(set(), set())
        sink = (stdout or Output(sys.stdout)) if output == "-" else \
            Output(open(output, "a" if resume else "w", encoding="utf-8"), output, own=True)
    except Elsewhere as exc:
        print(f"vbhc: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"vbhc: {output}: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return 2
    todo = [f for f, k in zip(files, keys) if k not in old.keys]
    progress = Progress(len(todo), enabled=not quiet and sys.stderr.isatty())
    failed = 0
    first = True
    interrupted = False
    try:
        if out_format == "json":
            sink.write("[\n")
        try:
            for r in parse_many(todo, jobs=jobs, ordered=True, format=format, pdf_engine=pdf_engine,
                                timeout=timeout):
                line = r.record()
                if out_format == "json":
                    sink.write(("" if first else ",\n") + line)
                else:
                    sink.write(line + "\n")  # one write per record: an interruption never cuts a line in two
                sink.flush()
                first = False
                if not r.ok:
                    failed += 1
                progress.step(r.ok)
        except KeyboardInterrupt:
            interrupted = True
        if out_format == "json":
            sink.write("\n]\n")
        sink.close()
    except OutputError:  # a full disk, a closed pipe: the batch stops, the caller says why
        if sink.own:
            sink.abandon()
        raise
    finally:
        progress.close()
    if interrupted:
        again = " (rerun with --resume)" if out_format == "jsonl" and output != "-" else ""
        print(f"vbhc: interrupted after {progress.done} of {len(todo)} inputs; the output is complete up to "
              f"there{again}", file=sys.stderr)
        return 130
    kept = old.errors.intersection(keys)  # error records of this run's inputs left from before
    if not quiet:
        skipped = f", {len(old.keys.intersection(keys))} already done" if resume else ""
        if kept:
            skipped += f" ({len(kept)} of them error records; --retry-errors parses them again)"
        print(f"vbhc: {len(todo) - failed} parsed, {failed} failed{skipped}", file=sys.stderr)
    return 2 if failed or kept else 0
