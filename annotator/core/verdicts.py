"""The scale a fact-checker's verdict on a claim is given on.

A verdict is stored on a claim span as ``attrs["verdict"]``, one of the scale's values.
The scale runs from the best rating to the worst; a verdict outside the ratings (a claim
that cannot be checked) has no rating number.
"""

from __future__ import annotations

from dataclasses import dataclass

VERDICT_ATTRIBUTE = "verdict"


@dataclass(frozen=True, slots=True)
class VerdictScale:
    rated: tuple[str, ...]
    unrated: tuple[str, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        return self.rated + self.unrated

    def rating(self, verdict: str) -> int | None:
        """Return 1 for the worst rated verdict up to len(rated) for the best; None if unrated."""
        if verdict in self.rated:
            return len(self.rated) - self.rated.index(verdict)
        if verdict in self.unrated:
            return None
        raise ValueError(f"{verdict!r} is not on the verdict scale ({', '.join(self.values)})")

    @property
    def best_rating(self) -> int:
        return len(self.rated)

    @property
    def worst_rating(self) -> int:
        return 1


DEFAULT_SCALE = VerdictScale(
    rated=("true", "mostly true", "half true", "mostly false", "false"),
    unrated=("unverifiable",),
)
