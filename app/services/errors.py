"""Domain errors: each carries a message fit to show the user."""

from __future__ import annotations


class ServiceError(Exception):
    """A use case could not be carried out; nothing was changed."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(ServiceError):
    status = 400


class NotFound(ServiceError):
    status = 404


class Forbidden(ServiceError):
    status = 403


class Conflict(ServiceError):
    """The data changed since the user last saw it, or the request collides with existing data."""

    status = 409
