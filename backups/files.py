"""A backup's files on disk: copies hashed as they are written, the manifest, SHA256SUMS and their check.

A backup directory holds the database's copy, ``media/`` (MEDIA_ROOT as it was), ``signing/`` (the
signing certificate), ``manifest.json`` (every file's size and SHA-256, the version, the engine, the
time) and ``SHA256SUMS`` (every file's sum, the manifest's too, as ``sha256sum -c`` reads it).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from .errors import BackupError

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
FORMAT = 1
KINDS = ("database", "media", "signing")
CHUNK = 1024 * 1024
SUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S(?:.*\S)?)\Z")


@dataclass(frozen=True)
class Entry:
    """One file of the backup: where it is in the backup, what it is, its size and SHA-256."""

    path: str  # relative to the backup directory, with forward slashes
    kind: str
    size: int
    sha256: str


def file_digest(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def file_copy(
    source: Path, target: Path, *, mode: int = 0o600, directory_mode: int = 0o700
) -> tuple[int, str]:
    """Copy ``source`` to ``target``, returning the size and SHA-256 of the bytes written.

    The copy goes to a hidden file beside the target and replaces it only once complete, so a
    target is never left half written.
    """
    target.parent.mkdir(parents=True, exist_ok=True, mode=directory_mode)
    partial = target.with_name(f".{target.name}.partial")
    digest, size = hashlib.sha256(), 0
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with source.open("rb") as reader, os.fdopen(descriptor, "wb") as writer:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        os.chmod(partial, mode)  # an older partial file keeps its mode through O_CREAT
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return size, digest.hexdigest()


def tree_files(root: Path) -> list[tuple[str, Path]]:
    """Every file under ``root`` as (relative POSIX path, path), symbolic links included (never
    followed), sorted; nothing when ``root`` does not exist."""
    found = []
    for directory, names, files in os.walk(root):
        base = Path(directory)
        links = [name for name in names if (base / name).is_symlink()]
        for name in [*files, *links]:
            path = base / name
            found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


def manifest_write(directory: Path, *, entries: list[Entry], metadata: dict) -> None:
    """Write manifest.json and SHA256SUMS; the sums file names the manifest too."""
    manifest = {"format": FORMAT, **metadata, "files": [asdict(entry) for entry in entries]}
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    _write_private(directory / MANIFEST, text)
    manifest_sum = hashlib.sha256(text.encode()).hexdigest()
    lines = [f"{manifest_sum}  {MANIFEST}"] + [f"{entry.sha256}  {entry.path}" for entry in entries]
    _write_private(directory / SUMS, "\n".join(lines) + "\n")


def _write_private(path: Path, text: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def backup_check(directory: Path) -> tuple[dict, list[Entry]]:
    """The manifest and its entries, once every file of ``directory`` matches SHA256SUMS and the
    manifest; otherwise a BackupError naming the first file that does not. Reads only."""
    if not directory.is_dir():
        raise BackupError(_("No existe el directorio de la copia «%(path)s».") % {"path": directory})
    sums = _sums_read(directory)
    on_disk = dict(tree_files(directory))
    for name, path in on_disk.items():
        if path.is_symlink():
            raise BackupError(_("«%(name)s» es un enlace simbólico: la copia fue alterada.") % {"name": name})
    for name in sorted(on_disk.keys() - sums.keys() - {SUMS}):
        raise BackupError(
            _("«%(name)s» no figura en %(sums)s: la copia fue alterada.") % {"name": name, "sums": SUMS}
        )
    for name in sorted(sums.keys() - on_disk.keys()):
        raise BackupError(
            _("Falta «%(name)s», que figura en %(sums)s: la copia está incompleta.")
            % {"name": name, "sums": SUMS}
        )
    sizes = {}
    for name, expected in sorted(sums.items()):
        sizes[name], actual = file_digest(on_disk[name])
        if actual != expected:
            raise BackupError(
                _("«%(name)s» está alterado o dañado: su SHA-256 no coincide con el de %(sums)s.")
                % {"name": name, "sums": SUMS}
            )
    manifest, entries = _manifest_read(directory)
    listed = {entry.path: entry for entry in entries}
    for name in sorted(listed.keys() ^ (sums.keys() - {MANIFEST})):
        raise BackupError(
            _("%(manifest)s y %(sums)s no listan los mismos archivos: «%(name)s».")
            % {"manifest": MANIFEST, "sums": SUMS, "name": name}
        )
    for name, entry in sorted(listed.items()):
        if (entry.sha256, entry.size) != (sums[name], sizes[name]):
            raise BackupError(
                _("La suma o el tamaño de «%(name)s» en %(manifest)s no coincide con el archivo.")
                % {"name": name, "manifest": MANIFEST}
            )
    return manifest, entries


def _sums_read(directory: Path) -> dict[str, str]:
    try:
        text = (directory / SUMS).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BackupError(
            _("No se pudo leer %(sums)s en «%(path)s»: no es una copia completa.")
            % {"sums": SUMS, "path": directory}
        ) from error
    sums = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = SUM_LINE.match(line)
        if match is None or match[2] in sums or not _safe_path(match[2]):
            raise BackupError(
                _("%(sums)s, línea %(line)d, está alterada o dañada.") % {"sums": SUMS, "line": number}
            )
        sums[match[2]] = match[1]
    if MANIFEST not in sums:
        raise BackupError(_("%(sums)s no incluye %(manifest)s.") % {"sums": SUMS, "manifest": MANIFEST})
    return sums


def _manifest_read(directory: Path) -> tuple[dict, list[Entry]]:
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        entries = [Entry(**item) for item in manifest["files"]]
        valid = manifest["format"] == FORMAT and all(entry.kind in KINDS for entry in entries)
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(_("%(manifest)s no se puede leer.") % {"manifest": MANIFEST}) from error
    databases = [entry for entry in entries if entry.kind == "database"]
    signing = [entry for entry in entries if entry.kind == "signing"]
    if not valid or len(databases) != 1 or len(signing) > 1:
        raise BackupError(
            _("%(manifest)s no corresponde a una copia de esta versión del sistema.") % {"manifest": MANIFEST}
        )
    return manifest, entries


def name_storable(name: str) -> bool:
    """Whether a file's relative name fits a SHA256SUMS line and stays inside the backup."""
    return (
        name.splitlines() == [name] and SUM_LINE.match(f"{0:064x}  {name}") is not None and _safe_path(name)
    )


def _safe_path(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name
