"""Documents other than one institution's SIPLAN report that run as report jobs.

A higher app registers its kind from its ``AppConfig.ready()`` (reporting never imports it): who may
ask for it, how to render it from the job's parameters, and where its job page links back to. The
job machinery (queue, stages, progress, storage, retries, download) is the SIPLAN report's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentKind:
    name: str
    label: str
    formats: tuple[str, ...]
    may_request: Callable  # (user) -> bool
    render: Callable  # (job, progress: (percent) -> None) -> bytes
    back_url: Callable  # (job) -> str


DOCUMENT_KINDS: dict[str, DocumentKind] = {}


def document_kind_register(kind: DocumentKind) -> None:
    DOCUMENT_KINDS[kind.name] = kind


def document_kind(name: str) -> DocumentKind | None:
    return DOCUMENT_KINDS.get(name)
