"""An import-linter contract of our own: no module imports another app's ``_private`` names.

Layers say which app may import which; this says *what* may be imported. A leading underscore
marks a helper its app may change freely; another app that needs it should ask for a public
selector or service instead (``make lint`` runs it with the layers contract).
"""

import ast
import functools
from pathlib import Path

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class PrivateNamesContract(Contract):
    """Configuration: ``containers``, the top-level packages whose private names are protected."""

    type_name = "private_names"
    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose: bool) -> ContractCheck:
        containers = set(self.containers)
        violations = []
        for importer in sorted(graph.modules):
            importer_root = importer.split(".")[0]
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                imported_root = imported.split(".")[0]
                if imported_root == importer_root or imported_root not in containers:
                    continue
                for detail in graph.get_import_details(importer=importer, imported=imported):
                    names = _names_imported_at(importer, detail["line_number"])
                    private = [name for name in names if name.startswith("_") and not name.startswith("__")]
                    if private:
                        violations.append((importer, detail["line_number"], imported, private))
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, line, imported, names in check.metadata["violations"]:
            output.print_error(f"{importer}:{line} imports private {', '.join(names)} from {imported}")
            output.new_line()


def _module_file(module: str) -> Path:
    """The module's source, found without importing its parents (a models package's __init__ needs
    Django's app registry, which the linter does not load)."""
    base = Path(__file__).resolve().parent.parent.joinpath(*module.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


@functools.cache
def _imports_by_line(module: str) -> dict[int, list[str]]:
    tree = ast.parse(_module_file(module).read_text(encoding="utf-8"))
    return {
        node.lineno: [alias.name for alias in node.names]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }


def _names_imported_at(module: str, line: int) -> list[str]:
    """The names a ``from x import a, b`` statement starting at ``line`` takes."""
    return _imports_by_line(module).get(line, [])
