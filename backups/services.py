"""Backups that restore: the database's consistent copy and every stored file, with their SHA-256 sums.

Stored files are everything under MEDIA_ROOT (original execution uploads, activity-report photos,
also those of deleted achievements, generated and signed reports) and the signing certificate
(IGM_SIGNING_P12). The database is copied first; the files after it. A file written after the copy
is harmless; a file the copy names that is missing makes the backup fail, unless the caller accepts
it (the daily backup does, and logs it: a lost file must not stop every later backup).

Backups and restores write no rows of their own and act for no user: they are the operator's, run
from the command line or by Celery beat.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django.utils.translation import gettext as _

from .database import (
    DUMP_FILES,
    database_dump,
    database_engine,
    database_restore,
    database_server_version,
    database_tables_with_rows,
)
from .errors import BackupError
from .files import (
    MANIFEST,
    Entry,
    backup_check,
    file_copy,
    file_digest,
    manifest_write,
    name_storable,
    tree_files,
)

logger = logging.getLogger(__name__)

SCHEDULED_PREFIX = "igm-backup-"
STALE_PARTIAL_SECONDS = 24 * 3600


@dataclass(frozen=True)
class BackupResult:
    directory: Path
    files: int
    size: int
    missing: tuple[str, ...]


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict
    files_written: int
    files_unchanged: int


def backup_create(
    *, output: Path, allow_missing: bool = False, using: str = DEFAULT_DB_ALIAS
) -> BackupResult:
    """Back up the database and every stored file into the new directory ``output``.

    The backup is written beside ``output`` under a hidden name and renamed once complete, so
    ``output`` is either a whole backup or absent.
    """
    output = Path(output).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if output.is_relative_to(media_root) or media_root.is_relative_to(output):
        raise BackupError(_("El directorio de la copia no puede estar dentro de MEDIA_ROOT ni contenerlo."))
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise BackupError(
            _("«%(path)s» ya existe y no está vacío: elija otro directorio.") % {"path": output}
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".partial", dir=output.parent))
    try:
        result = _backup_write(work, media_root, connections[using], allow_missing=allow_missing)
        if output.exists():
            output.rmdir()
        work.rename(output)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return BackupResult(output, result.files, result.size, result.missing)


def _backup_write(work: Path, media_root: Path, connection, *, allow_missing: bool) -> BackupResult:
    engine = database_engine(connection)
    dump = work / DUMP_FILES[engine]
    taken_at = timezone.localtime()
    referenced = database_dump(connection=connection, target=dump)
    entries = [Entry(dump.name, "database", *file_digest(dump))]
    copied = set()
    for name, path in tree_files(media_root):
        if path.is_symlink() or not path.is_file():
            continue  # a link could lead anywhere; Django's storage never writes one
        if not name_storable(name):
            raise BackupError(_("Nombre de archivo no admitido en MEDIA_ROOT: %(name)r.") % {"name": name})
        try:
            entries.append(Entry(f"media/{name}", "media", *file_copy(path, work / "media" / name)))
        except FileNotFoundError:
            continue  # removed since it was listed; checked below if the database names it
        copied.add(name)
    certificate = Path(settings.IGM_SIGNING_P12)
    if certificate.is_file():
        entries.append(
            Entry(
                f"signing/{certificate.name}",
                "signing",
                *file_copy(certificate, work / "signing" / certificate.name),
            )
        )
    missing = tuple(sorted(referenced - copied))
    if missing and not allow_missing:
        raise BackupError(
            _(
                "La base de datos menciona %(count)d archivo(s) que no están en MEDIA_ROOT (%(root)s), "
                "p. ej. «%(name)s». Búsquelos y repóngalos, o respalde sin ellos con --allow-missing."
            )
            % {"count": len(missing), "root": media_root, "name": missing[0]}
        )
    metadata = {
        "created_at": taken_at.isoformat(),  # the database's snapshot; files are copied after it
        "app": _app_version(),
        "database": {
            "engine": engine,
            "server_version": database_server_version(connection),
            "file": dump.name,
        },
        "media_root": str(media_root),
        "signing_p12": str(certificate) if certificate.is_file() else None,
        "missing_files": list(missing),
    }
    manifest_write(work, entries=entries, metadata=metadata)
    return BackupResult(work, len(entries), sum(entry.size for entry in entries), missing)


def _app_version() -> dict:
    """The project's version and, when the code is a git checkout, its commit."""
    pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
    version = tomllib.loads(pyproject.read_text())["project"]["version"] if pyproject.is_file() else ""
    git, commit = shutil.which("git"), ""
    if git:
        result = subprocess.run(  # noqa: S603 (a fixed command, no shell)
            [git, "rev-parse", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=False
        )
        commit = result.stdout.strip() if result.returncode == 0 else ""
    return {"name": "igm-plan", "version": version, "commit": commit}


def backup_verify(*, source: Path) -> dict:
    """The backup's manifest once every file matches its SHA-256; BackupError otherwise."""
    manifest, _entries = backup_check(Path(source))
    return manifest


def backup_restore(*, source: Path, confirm: bool = False, using: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Put the database and the stored files back as the backup in ``source`` has them.

    Nothing is written unless every file matches its sum. Without ``confirm`` it refuses a
    database that holds data and a stored file that exists with other content.
    """
    source = Path(source)
    manifest, entries = backup_check(source)
    connection = connections[using]
    engine = database_engine(connection)
    if manifest["database"]["engine"] != engine:
        raise BackupError(
            _("La copia es de una base de datos %(theirs)s y esta es %(ours)s: no se puede restaurar aquí.")
            % {"theirs": manifest["database"]["engine"], "ours": engine}
        )
    targets = [(entry, _restore_target(entry)) for entry in entries if entry.kind != "database"]
    unchanged = {
        entry.path for entry, target in targets if target.is_file() and file_digest(target)[1] == entry.sha256
    }
    if not confirm:
        _ensure_nothing_replaced(
            connection,
            [target for entry, target in targets if target.exists() and entry.path not in unchanged],
        )
    written = 0
    for entry, target in targets:
        if entry.path in unchanged:
            continue
        if file_copy(source / entry.path, target, **_restored_modes(entry))[1] != entry.sha256:
            raise BackupError(_("«%(name)s» cambió durante la restauración.") % {"name": entry.path})
        written += 1
    (database,) = [entry for entry in entries if entry.kind == "database"]
    database_restore(connection=connection, source=source / database.path)
    ContentType.objects.clear_cache()  # ids cached from the database that was replaced
    return RestoreResult(manifest, written, len(unchanged))


def _restored_modes(entry: Entry) -> dict:
    """The certificate stays private; media get the modes Django's storage gives uploads."""
    if entry.kind == "signing":
        return {"mode": 0o600, "directory_mode": 0o700}
    return {
        "mode": settings.FILE_UPLOAD_PERMISSIONS or 0o644,
        "directory_mode": settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS or 0o777,
    }


def _restore_target(entry: Entry) -> Path:
    prefix, _slash, name = entry.path.partition("/")
    if entry.kind == "media" and prefix == "media" and name:
        return Path(settings.MEDIA_ROOT) / name
    if entry.kind == "signing" and prefix == "signing" and name:
        return Path(settings.IGM_SIGNING_P12)
    raise BackupError(_("«%(name)s» no tiene un lugar conocido donde restaurarse.") % {"name": entry.path})


def _ensure_nothing_replaced(connection, replaced_files: list[Path]) -> None:
    filled = database_tables_with_rows(connection)
    if filled:
        raise BackupError(
            _(
                "La base de datos no está vacía (%(count)d tablas con datos, p. ej. «%(table)s»). "
                "Restaurar la reemplaza por completo: repita con --confirm si es lo que quiere."
            )
            % {"count": len(filled), "table": filled[0]}
        )
    if replaced_files:
        raise BackupError(
            _("El archivo «%(path)s» ya existe con otro contenido: repita con --confirm para reemplazarlo.")
            % {"path": replaced_files[0]}
        )


def backup_scheduled() -> BackupResult:
    """The daily backup (Celery beat): a new directory in IGM_BACKUP_DIR, then only the newest
    IGM_BACKUP_KEEP backups kept there."""
    directory = Path(settings.IGM_BACKUP_DIR)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    output, number = directory / f"{SCHEDULED_PREFIX}{stamp}", 1
    while output.exists():
        output, number = directory / f"{SCHEDULED_PREFIX}{stamp}-{number}", number + 1
    result = backup_create(output=output, allow_missing=True)
    if result.missing:
        logger.error(
            "Backup %s lacks %d stored file(s) the database names, e.g. %s",
            output,
            len(result.missing),
            result.missing[0],
        )
    _backups_prune(directory, keep=max(1, settings.IGM_BACKUP_KEEP))
    logger.info("Backup %s: %d files, %d bytes", output, result.files, result.size)
    return result


def _backups_prune(directory: Path, *, keep: int) -> None:
    """Delete the scheduled backups beyond the newest ``keep``, and the half-written ones a killed
    backup left behind a day ago or more; nothing else in the directory is touched."""
    complete = sorted(
        path
        for path in directory.glob(f"{SCHEDULED_PREFIX}*")
        if path.is_dir() and (path / MANIFEST).is_file()
    )
    for path in complete[:-keep]:
        shutil.rmtree(path)
    for path in directory.glob(f".{SCHEDULED_PREFIX}*.partial"):
        if time.time() - os.stat(path).st_mtime > STALE_PARTIAL_SECONDS:
            shutil.rmtree(path, ignore_errors=True)
