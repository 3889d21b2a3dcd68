"""The one error every reader raises, and the small helpers that word its messages."""

from __future__ import annotations

from pathlib import PureWindowsPath


class FormatError(ValueError):
    """Refuse an imported file; `message` is one sentence a user can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def display_name(filename: str) -> str:
    """Return the bare file name to show in messages (uploads may carry a full path)."""
    # PureWindowsPath splits on both "\" and "/", so it serves browser and CLI paths alike.
    name = PureWindowsPath(filename).name if filename else ""
    return name or "the file"


def describe_size(size: int) -> str:
    """Return a byte count as people read it: 512 bytes, 3.5 KB, 12 MB."""
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    raise AssertionError("unreachable")


def check_size(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse a file larger than `max_bytes`, or one with nothing in it."""
    if max_bytes <= 0:
        raise ValueError("max_bytes must be positive")
    if len(data) > max_bytes:
        size, limit = describe_size(len(data)), describe_size(max_bytes)
        if size == limit:  # rounding hides the difference: show exact counts
            size, limit = f"{len(data):,} bytes", f"{max_bytes:,} bytes"
        raise FormatError(f"{name} is {size}, over the {limit} limit for an imported file.")
    if not data:
        raise FormatError(f"{name} is empty.")
