"""The settings a project keeps for its outputs: who publishes its fact checks.

They are stored in the project file (``Store.setting``), so every export and report
made from the project, by anyone on the team, names the same outlet. Only the keys
listed here can be set: a typing mistake is refused, not kept unused.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from annotator.core.errors import AnnotatorError
from annotator.core.store import Store


class SettingError(AnnotatorError):
    pass


SETTINGS: dict[str, str] = {
    "publisher.name": "The outlet that publishes the fact checks (the ClaimReview's author).",
    "publisher.url": "The outlet's home page, e.g. https://www.example.org/.",
    "publisher.review_url": (
        "The page that publishes the fact checks (the ClaimReview's url; each review gets "
        "its own #anchor on it)."
    ),
}
_URL_KEYS = ("publisher.url", "publisher.review_url")


def check(key: str, value: str) -> str:
    """The value as stored, or why it cannot be."""
    if key not in SETTINGS:
        raise SettingError(f"unknown setting {key!r}: use {', '.join(SETTINGS)}")
    value = value.strip()
    if not value:
        raise SettingError(f"{key}: an empty value (use 'settings unset {key}' to remove it)")
    if key in _URL_KEYS:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SettingError(f"{key}: {value!r} is not a web address (http:// or https://)")
    return value


def set_setting(store: Store, key: str, value: str | None) -> None:
    if value is None:
        if key not in SETTINGS:
            raise SettingError(f"unknown setting {key!r}: use {', '.join(SETTINGS)}")
        store.set_setting(key, None)
    else:
        store.set_setting(key, check(key, value))


def settings(store: Store) -> dict[str, str | None]:
    """Every known setting and its value (None: not set)."""
    return {key: store.setting(key) for key in SETTINGS}


@dataclass(frozen=True)
class Publisher:
    name: str | None
    url: str | None
    review_url: str | None


def publisher(store: Store) -> Publisher:
    return Publisher(
        store.setting("publisher.name"),
        store.setting("publisher.url"),
        store.setting("publisher.review_url"),
    )
