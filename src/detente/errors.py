"""The DetenteError tree. Every error a user can hit has a stable code and says where and what to do.

Codes:
  E001 configuration  E002 data file invalid  E003 missing optional package  E004 model not installed
  E100 input (generic)  E101 missing/invalid date  E102 empty text  E103 undecodable bytes
  E104 malformed JSON line  E105 malformed CSV row  E106 unsupported file  E107 file not found
  E200 store  E201 not found in store  E202 bad query (cursor, limit, search words)
  E300 gold file invalid
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base of every error detente raises on purpose."""

    code = "E000"
    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    def __reduce__(self) -> tuple[type, tuple[str]]:  # picklable for the Dask runner
        return (type(self), (self.message,))


class ConfigError(DetenteError):
    code = "E001"


class DataFileError(DetenteError):
    """A bundled or user data file (dictionary, lexicon, code table) failed validation."""

    code = "E002"


class MissingPackageError(DetenteError):
    code = "E003"


class ModelNotInstalledError(DetenteError):
    code = "E004"


class InputError(DetenteError):
    """Bad input: names the file, the line (when known) and the problem."""

    code = "E100"

    def __init__(self, message: str, *, path: str, line: int | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: [{self.code}] {self.message}"

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:  # type: ignore[override]
        return (_rebuild_input_error, (type(self), self.message, self.path, self.line, self.code))


def _rebuild_input_error(cls: type[InputError], message: str, path: str, line: int | None, code: str) -> InputError:
    return cls(message, path=path, line=line, code=code)


class StoreError(DetenteError):
    code = "E200"


class NotFoundError(StoreError):
    code = "E201"


class GoldFileError(DetenteError):
    code = "E300"
