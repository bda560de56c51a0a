"""IGM's demo accounts, one per role, created by the seed only when absent."""

from __future__ import annotations

from accounts.models import Role, User

# Demo accounts, one per role of DESIGN.md "Who uses it" (plus the planning lead who approves
# reprogrammings). The passwords are public on purpose: change them on any real deployment.
DEMO_USERS = (
    (
        "planificador",
        "Planifica-IGM-2026",
        Role.PLANNER,
        "Edgar Leonel",
        "Leal Bolaños",
        "Subdirección de Planificación",
    ),
    (
        "jefa_planificacion",
        "Jefa-Planifica-2026",
        Role.PLANNING_LEAD,
        "Jessica Margaret",
        "Orellana Díaz",
        "Subdirectora de Planificación",
    ),
    (
        "encargado_cc",
        "Centro-Costo-2026",
        Role.OFFICER,
        "Encargado",
        "de centro de costo (demo)",
        "Encargado de centro de costo",
    ),
    ("director", "Director-IGM-2026", Role.DIRECTOR, "Alfredo Danilo", "Rivera", "Director General"),
    ("auditor", "Auditoria-IGM-2026", Role.AUDITOR, "Auditoría", "Interna (demo)", "Auditor interno"),
    ("segeplan", "Segeplan-Lectura-2026", Role.SEGEPLAN, "SEGEPLAN", "(lectura)", "Analista SEGEPLAN"),
)
DEMO_OFFICER_COST_CENTRES = ("CC-01", "CC-02")


class DemoUsersSection:
    """The loader's (``_Loader``) section for the demo accounts; it writes through its seed rule."""

    def load_demo_users(self) -> None:
        """Demo accounts are created when absent; an existing account, its password included, is never
        touched again."""
        for username, password, role, first, last, title in DEMO_USERS:
            user = self.add_missing(
                User,
                {"username": username},
                {
                    "role": role,
                    "first_name": first,
                    "last_name": last,
                    "job_title": title,
                    "institution": None if role == Role.SEGEPLAN else self.institution,
                },
            )
            if not getattr(user, "_seeded", False):
                self.summary.existing_demo_users.append(username)
                continue
            user.set_password(password)
            user.save(update_fields=["password"])
            if role == Role.OFFICER:
                self.set_m2m(
                    user, "cost_centres", [self.cost_centres[code] for code in DEMO_OFFICER_COST_CENTRES]
                )
            self.summary.demo_users.append((username, password, str(Role(role).label)))
