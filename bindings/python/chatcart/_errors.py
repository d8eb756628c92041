# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""chatcart's exceptions: one class per absl::StatusCode under chatcart.Error."""

__all__ = [
    "Error", "CancelledError", "UnknownError", "InvalidArgumentError",
    "DeadlineExceededError", "NotFoundError", "AlreadyExistsError",
    "PermissionDeniedError", "ResourceExhaustedError", "FailedPreconditionError",
    "AbortedError", "OutOfRangeError", "UnimplementedError", "InternalError",
    "UnavailableError", "DataLossError", "UnauthenticatedError", "from_status",
]


class Error(Exception):
    """Base of every chatcart error.

    Attributes:
      code: the numeric status code (equal to absl::StatusCode and to the C
        API's chatcart_code).
      code_name: its name, such as "INVALID_ARGUMENT".
      message: the message, naming what failed and where.
    """

    code = 2
    code_name = "UNKNOWN"

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        if code is not None and code != type(self).code:
            self.code = code

    def __reduce__(self):
        return (type(self), (self.message, self.code))


class CancelledError(Error):
    code, code_name = 1, "CANCELLED"


class UnknownError(Error):
    code, code_name = 2, "UNKNOWN"


class InvalidArgumentError(Error, ValueError):
    """Bad input: a malformed amount, an unknown field, a bad pattern."""
    code, code_name = 3, "INVALID_ARGUMENT"


class DeadlineExceededError(Error):
    code, code_name = 4, "DEADLINE_EXCEEDED"


class NotFoundError(Error, LookupError):
    """Something named does not exist: a product, an order, a file."""
    code, code_name = 5, "NOT_FOUND"


class AlreadyExistsError(Error):
    code, code_name = 6, "ALREADY_EXISTS"


class PermissionDeniedError(Error):
    code, code_name = 7, "PERMISSION_DENIED"


class ResourceExhaustedError(Error):
    code, code_name = 8, "RESOURCE_EXHAUSTED"


class FailedPreconditionError(Error):
    """The state does not allow it: not enough stock, a purchase guardrail."""
    code, code_name = 9, "FAILED_PRECONDITION"


class AbortedError(Error):
    """A conflict, such as a cart version that changed since it was read."""
    code, code_name = 10, "ABORTED"


class OutOfRangeError(Error):
    code, code_name = 11, "OUT_OF_RANGE"


class UnimplementedError(Error):
    code, code_name = 12, "UNIMPLEMENTED"


class InternalError(Error):
    code, code_name = 13, "INTERNAL"


class UnavailableError(Error):
    code, code_name = 14, "UNAVAILABLE"


class DataLossError(Error):
    """Corrupt bytes, such as a truncated snapshot."""
    code, code_name = 15, "DATA_LOSS"


class UnauthenticatedError(Error):
    code, code_name = 16, "UNAUTHENTICATED"


_BY_CODE = {cls.code: cls for cls in (
    CancelledError, UnknownError, InvalidArgumentError, DeadlineExceededError,
    NotFoundError, AlreadyExistsError, PermissionDeniedError,
    ResourceExhaustedError, FailedPreconditionError, AbortedError,
    OutOfRangeError, UnimplementedError, InternalError, UnavailableError,
    DataLossError, UnauthenticatedError)}


def from_status(code, message):
    """The exception for a non-OK status code and its message."""
    cls = _BY_CODE.get(code, UnknownError)
    return cls(message, code)
