"""What a backup must give back, read independently of the backups app: every row of every model and
the SHA-256 of every stored file."""

import hashlib
import shutil
from pathlib import Path

from django.apps import apps
from django.core.management import call_command


def database_rows() -> dict[str, list[dict]]:
    """Every row of every model, history and many-to-many tables included, in full, by primary key."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
    }


def file_sums(*roots: Path) -> dict[str, str]:
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for root in roots
        if root.exists()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def wipe(stores) -> None:
    """What a lost server leaves: an empty database (as ``migrate`` leaves it) and no stored files."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(stores.media, ignore_errors=True)
    shutil.rmtree(stores.certificate.parent, ignore_errors=True)
