"""Reading IGM's documents: the JSON files and the checks every figure passes before it is written."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings

from common.figures import CENT

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class FixtureError(Exception):
    """A fixture file is missing, malformed or inconsistent; the message says where."""


def read_document(directory: Path, relative: str) -> dict:
    path = directory / relative
    try:
        with path.open(encoding="utf-8") as handle:
            # Floats are refused outright: every amount in the fixtures is a string.
            return json.load(handle, parse_float=_refuse_float)
    except FileNotFoundError as exc:
        raise FixtureError(f"No se encontró el archivo de datos {path}.") from exc
    except json.JSONDecodeError as exc:
        raise FixtureError(
            f"{path}: JSON inválido en la línea {exc.lineno}, columna {exc.colno}: {exc.msg}."
        ) from exc
    except ValueError as exc:
        raise FixtureError(f"{path}: {exc}") from exc


def _refuse_float(text: str):
    raise ValueError(f'el número {text} debe escribirse como texto ("{text}") para no perder exactitud')


def _require(data: dict, key: str, where: str):
    if key not in data:
        raise FixtureError(f"{where}: falta la clave «{key}».")
    return data[key]


def _money(value, where: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise FixtureError(f"{where}: «{value}» no es una cifra.") from exc
    if amount != amount.quantize(CENT):
        raise FixtureError(f"{where}: «{value}» tiene más de dos decimales.")
    if amount < 0:
        raise FixtureError(f"{where}: «{value}» es negativo.")
    return amount.quantize(CENT)


def _units(value, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise FixtureError(f"{where}: «{value}» no es un número entero de unidades.")
    return value


def _split_category(code: str, where: str) -> tuple[str, str, str, str]:
    parts = code.split("-")
    if [len(p) for p in parts] != [2, 2, 3, 3] or not all(p.isdigit() for p in parts):
        raise FixtureError(f"{where}: categoría programática mal escrita «{code}» (use 11-00-000-002).")
    return parts[0], parts[1], parts[2], parts[3]


def _spread_remainder(annual, known: dict[int, object], where: str, measure: str) -> dict[int, object]:
    """The months January–December that are not known receive, evenly, the annual total minus the
    known months; the rounding remainder goes to the last of them."""
    missing = [month for month in range(1, 13) if month not in known]
    remainder = annual - sum(known.values())
    if remainder < 0:
        raise FixtureError(f"{where}: los meses conocidos ({measure}) suman más que el acumulado anual.")
    if not missing:
        if remainder:
            raise FixtureError(f"{where}: los meses ({measure}) no suman el acumulado anual.")
        return {}
    if isinstance(annual, int):
        share = remainder // len(missing)
    else:
        share = (remainder / len(missing)).quantize(CENT, rounding="ROUND_DOWN")
    spread = dict.fromkeys(missing, share)
    spread[missing[-1]] = remainder - share * (len(missing) - 1)
    return spread
