"""No page or open-data file of the portal names a user, except the officials the art. 10 header
names (the head of planning and who updates the information); no username, no e-mail address."""

import io

from openpyxl import load_workbook

from accounts.models import User
from planning.selectors.strategic import strategic_frame_of

PAGES = (
    "/transparencia/",
    "/transparencia/IGM/",
    "/transparencia/IGM/ejecucion/2024/1/",
    "/transparencia/IGM/ejecucion/2024/3/",
    "/transparencia/IGM/reportes/2024/3/verificacion/",
    "/transparencia/IGM/datos/",
    "/transparencia/verificar/",
)
FILES = tuple(
    f"/transparencia/IGM/datos/{dataset}.{fmt}"
    for dataset in ("metas", "ejecucion", "reportes")
    for fmt in ("csv", "json", "xlsx")
)


def _text(response) -> str:
    if response["Content-Type"].startswith("application/vnd.openxml"):
        book = load_workbook(io.BytesIO(response.content))
        return "\n".join(
            str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row
        )
    return response.content.decode("utf-8-sig")


def test_no_user_is_named_but_the_art_10_officials(client, igm, published):
    frame = strategic_frame_of(institution=igm)
    officials = {frame.head_of_planning, frame.information_officer}
    texts = {path: _text(client.get(path)) for path in PAGES + FILES}
    assert frame.head_of_planning in texts["/transparencia/IGM/"]
    users = list(User.objects.all())
    assert len(users) >= 6  # the demo accounts: planner, lead, officer, director, auditor, SEGEPLAN
    for user in users:
        full_name = user.get_full_name()
        named_official = any(full_name and full_name in official for official in officials)
        for path, text in texts.items():
            assert f">{user.username}<" not in text and f'"{user.username}"' not in text, (
                user.username,
                path,
            )
            if user.email:
                assert user.email not in text, (user.email, path)
            if full_name and not named_official:
                assert full_name not in text, (full_name, path)
                assert user.last_name not in text, (user.last_name, path)
