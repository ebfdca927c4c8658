"""The project's own errors: each prints as one line, ``FILE:LINE: what is wrong``."""

from __future__ import annotations

from dataclasses import dataclass


class FlashpointError(Exception):
    """Base of every error the CLI reports as one line with exit status 2."""


class ConfigError(FlashpointError):
    """A settings file or value is wrong."""


@dataclass(frozen=True)
class InputProblem:
    """A bad input record, as a value: readers yield it so a batch can record it and go on."""

    path: str
    line: int | None
    kind: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class InputError(FlashpointError):
    """Raised by single-article commands for an InputProblem."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class DataFileError(FlashpointError):
    """A knowledge file (YAML/CSV) is malformed; the message names the file and the line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
