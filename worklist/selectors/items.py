"""The shape of a work queue: sections of items, each linking to the page where it is done."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    text: str
    url: str
    detail: str = ""
    late: bool = False


@dataclass(frozen=True)
class Queue:
    """One kind of pending work. ``empty`` says so in words and ``next_step`` offers where to go."""

    key: str
    title: str
    items: tuple[Item, ...]
    empty: str
    next_step: tuple[str, str] | None = None
    # Pending work (counted in the summary) or news to read, like the auditor's latest changes.
    pending: bool = True


@dataclass(frozen=True)
class Worklist:
    queues: tuple[Queue, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def pending(self) -> int:
        return sum(len(queue.items) for queue in self.queues if queue.pending)

    @property
    def has_pending_queues(self) -> bool:
        return any(queue.pending for queue in self.queues)
