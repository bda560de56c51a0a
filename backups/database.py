"""The database's own copy, taken and put back with the database's own tools.

SQLite: the online backup API, which copies a consistent snapshot while others keep writing (a
file copy could catch a half-written page or miss the WAL). PostgreSQL: ``pg_dump`` in the snapshot
of a transaction of ours, so the stored-file names read in that transaction are exactly those the
dump refers to; ``pg_restore`` in one transaction to put it back. Both work on whatever database
the Django connection points at, the test database included.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, models, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.utils.translation import gettext as _

from .errors import BackupError

DUMP_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def database_engine(connection) -> str:
    if connection.vendor not in DUMP_FILES:
        raise BackupError(
            _("Motor de base de datos no admitido para respaldos: %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def database_server_version(connection) -> str:
    connection.ensure_connection()
    return sqlite3.sqlite_version if connection.vendor == "sqlite" else str(connection.pg_version)


def file_columns() -> list[tuple[str, str]]:
    """(table, column) of every stored-file name: each FileField, and its copy in a history table,
    where django-simple-history keeps the name as plain text."""
    columns = set()
    for model in apps.get_models():
        source = getattr(model, "instance_type", model)  # a history model copies its instance's fields
        for field in source._meta.concrete_fields:
            if isinstance(field, models.FileField):
                columns.add((model._meta.db_table, model._meta.get_field(field.name).column))
    return sorted(columns)


def _referenced_files(cursor) -> set[str]:
    names = set()
    for table, column in file_columns():
        named = f'"{column}" IS NOT NULL AND "{column}" <> \'\''
        try:
            cursor.execute(f'SELECT DISTINCT "{column}" FROM "{table}" WHERE {named}')  # noqa: S608 (model names)
        except (sqlite3.DatabaseError, DatabaseError) as error:
            raise BackupError(
                _("La base de datos no está al día con el código (%(error)s): ejecute «manage.py migrate».")
                % {"error": error}
            ) from error
        names.update(row[0] for row in cursor.fetchall())
    return names


def database_dump(*, connection, target: Path) -> set[str]:
    """Write the database's copy to ``target``; return the stored-file names that copy refers to."""
    dump = _sqlite_dump if database_engine(connection) == "sqlite" else _postgresql_dump
    try:
        return dump(connection, target)
    finally:
        if target.exists():
            os.chmod(target, 0o600)  # the whole database, users' password hashes included


def _sqlite_dump(connection, target: Path) -> set[str]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        return _referenced_files(copy.cursor())
    finally:
        copy.close()


def _postgresql_dump(connection, target: Path) -> set[str]:
    _outside_transaction(connection)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run(
            "pg_dump",
            ["--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            connection.settings_dict,
        )
        return _referenced_files(cursor)


def database_restore(*, connection, source: Path) -> None:
    """Replace the whole database by the copy in ``source``."""
    _outside_transaction(connection)
    if database_engine(connection) == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy.backup(connection.connection)
        except sqlite3.OperationalError as error:
            raise BackupError(
                _("La base de datos está en uso (%(error)s): detenga el servidor web y el worker y repita.")
                % {"error": error}
            ) from error
        finally:
            copy.close()
        return
    # Our own session must hold no lock on the tables pg_restore drops, nor statements prepared on them.
    connection.close()
    _run(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
        ],
        connection.settings_dict,
        source=source,
    )


def database_tables_with_rows(connection) -> list[str]:
    """The installed models' tables holding rows, apart from those ``migrate`` fills itself."""
    written_by_migrate = {ContentType._meta.db_table, Permission._meta.db_table}
    tables = sorted(set(connection.introspection.django_table_names(only_existing=True)) - written_by_migrate)
    filled = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'SELECT 1 FROM "{table}" LIMIT 1')  # noqa: S608 (model names, no input)
            if cursor.fetchone() is not None:
                filled.append(table)
    return filled


def _outside_transaction(connection) -> None:
    if connection.in_atomic_block:
        raise BackupError(
            _("El respaldo y la restauración no pueden correr dentro de una transacción abierta.")
        )


def _run(program: str, arguments: list[str], settings_dict: dict, source: Path | None = None) -> None:
    """Run a PostgreSQL client program on the connection's database (its credentials in the
    environment, as Django's ``dbshell`` passes them)."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            _(
                "No se encontró %(program)s: instale el cliente de PostgreSQL (postgresql-client) "
                "de la versión del servidor."
            )
            % {"program": program}
        )
    _psql, extra_env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    options = [
        f"--{option}={settings_dict[key]}"
        for option, key in (("host", "HOST"), ("port", "PORT"), ("username", "USER"), ("dbname", "NAME"))
        if settings_dict.get(key)
    ]
    command = [executable, *arguments, *options, *([str(source)] if source else [])]
    result = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        command, env={**os.environ, **(extra_env or {})}, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s terminó con error: %(detail)s")
            % {"program": program, "detail": result.stderr.strip()[-2000:] or result.returncode}
        )
