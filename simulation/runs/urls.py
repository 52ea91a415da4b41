"""Where a database is, and how it is shown: light helpers (no SQLAlchemy import).

``--db`` takes a SQLite file path or any SQLAlchemy URL; a URL may carry a password,
which is never printed or stored: :func:`mask_url` is how every message shows a URL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policy.messages import Message, msg
from simulation.paths import default_db_url
from simulation.runs import messages as R


class DatabaseError(Exception):
    """A database that cannot be used, and why (the message never holds a password).

    ``kind`` is one of ``foreign``, ``newer``, ``read-only``, ``driver``, ``url``,
    ``unreachable``, ``credentials``, ``locked``, ``full``, ``corrupt``, ``unusable``.
    ``str()`` is the English; ``message`` its :class:`~policy.messages.Message`
    (``simulation.runs.messages``), which the app shows in the interface's language.
    """

    def __init__(self, kind: str, message: Message | str) -> None:
        super().__init__(str(message))
        self.kind = kind
        self.message = R.as_message(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.message))


def normalise_url(db: str | Path | None) -> str:
    """``None`` → the user's data directory; a path → SQLite file; a URL stays a URL."""
    if db is None:
        return default_db_url()
    text = str(db)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    blocker = next((p for p in reversed(path.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise DatabaseError("unusable", msg(R.IS_A_FILE, path=str(blocker)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DatabaseError(
            "unusable", msg(R.CANNOT_CREATE_FOLDER, path=str(path.parent), reason=reason)
        ) from None
    return f"sqlite:///{path}"


def password_of(url: str) -> str | None:
    """The password in ``scheme://user:password@host/…``, if there is one."""
    _scheme, sep, rest = str(url).partition("://")
    if not sep or "@" not in rest:
        return None
    userinfo = rest.rpartition("@")[0]
    _user, colon, password = userinfo.partition(":")
    return password if colon and password else None


def mask_url(url: str | Path | None) -> str:
    """The URL with its password replaced by ``***`` (how every message shows a URL)."""
    if url is None:
        return "(the default database)"
    text = str(url)
    password = password_of(text)
    if password is None:
        return text
    scheme, _, rest = text.partition("://")
    userinfo, _, hostpart = rest.rpartition("@")
    return f"{scheme}://{userinfo.partition(':')[0]}:***@{hostpart}"


def scrub(message: str, url: str) -> str:
    """``message`` without the URL's password, wherever a driver may have quoted it."""
    password = password_of(url)
    message = message.replace(str(url), mask_url(url))
    if password and len(password) >= 4:  # a shorter one would mangle ordinary words
        message = message.replace(password, "***")
    return message
