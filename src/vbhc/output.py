"""Where the command line writes: standard output or a file, with a failed write (a full
disk, a reader that went away) raised as one :class:`OutputError` naming the output."""

from __future__ import annotations

import errno
import os
import sys
from typing import TextIO

STDOUT = "<stdout>"


class OutputError(Exception):
    """Writing ``name`` (a file, or ``<stdout>``) failed with ``cause``, an OSError."""

    def __init__(self, name: str, cause: OSError, output: Output | None = None) -> None:
        super().__init__(f"{name}: cannot write the output: {cause.strerror or cause}")
        self.name = name
        self.cause = cause
        self.output = output

    @property
    def closed_pipe(self) -> bool:
        """The reader of a pipe went away (``vbhc … | head``): nothing to report."""
        return isinstance(self.cause, BrokenPipeError)


class Output:
    """A text stream whose write errors are :class:`OutputError`. ``own``: close the stream
    with :meth:`close` (a file opened for the output; standard output is only flushed)."""

    def __init__(self, stream: TextIO, name: str = STDOUT, own: bool = False) -> None:
        self.stream = stream
        self.name = name
        self.own = own

    def write(self, text: str) -> int:
        if self.stream is None:  # standard output closed ("vbhc parse x >&-")
            raise OutputError(self.name, OSError(errno.EBADF, "it is closed"), self)
        try:
            return self.stream.write(text)
        except OSError as exc:
            raise OutputError(self.name, exc, self) from None

    def flush(self) -> None:
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except OSError as exc:
            raise OutputError(self.name, exc, self) from None

    def close(self) -> None:
        """Flush, and close a stream of our own; a failure is an OutputError (the stream is
        closed all the same)."""
        if self.stream is None:
            return
        try:
            self.stream.close() if self.own else self.stream.flush()
        except OSError as exc:
            raise OutputError(self.name, exc, self) from None

    def abandon(self) -> None:
        """After a failed write: close a stream of our own without another error, and point
        standard output at the null device so that what is still in its buffer is dropped
        at exit (not reported a second time by the interpreter)."""
        if self.own:
            try:
                self.stream.close()
            except OSError:
                pass
            return
        try:
            fd = self.stream.fileno()
        except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
            return
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)


def stdout() -> Output:
    return Output(sys.stdout)
