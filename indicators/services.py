"""Writes for indicators and plan-level documents."""

from __future__ import annotations

import io
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Max, ProtectedError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from simple_history.utils import update_change_reason

from common.figures import ZERO
from planning.models import (
    BudgetProjection,
    DeclaredTotal,
    Goal,
    Institution,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Result,
    Subproduct,
)
from planning.permissions import plan_ensure_editable_by
from planning.services.goals import goal_update
from planning.services.plans import plan_ensure_not_approved

from .matrices import MatrixGoal, PomMatrices
from .models import (
    Achievement,
    AchievementPhoto,
    IndicatorSheet,
    IndicatorSheetValue,
    ProductIndicatorTarget,
    ProductIndicatorYear,
)
from .selectors import plan_goal_figures

# --- Issue 5b (goals grid, POM matrices import) services below this line ------------------------


def _save(instance: models.Model, *, user=None, reason: str) -> None:
    instance._history_user = user
    instance.full_clean()
    instance.save()
    update_change_reason(instance, reason)


def subproduct_goals_save(
    *, subproduct: Subproduct, user, values: dict[int, tuple[int, Decimal] | None]
) -> int:
    """Set a subproduct's physical and financial goals for several years (one row of the grid).

    Each changed year goes through ``goal_update`` (planning staff only, refused for an approved
    plan, kept in the goal's history); a year left empty stays without a goal when it has none.
    All years or none. Returns how many goals changed.
    """
    plan = subproduct.product.plan
    plan_ensure_editable_by(user=user, plan=plan)
    outside = sorted(set(values) - set(plan.years))
    if outside:
        raise ValidationError(
            _("Los años %(years)s no pertenecen al plan «%(plan)s».")
            % {"years": ", ".join(map(str, outside)), "plan": plan}
        )
    with transaction.atomic():
        goals = {goal.year: goal for goal in Goal.objects.select_for_update().filter(subproduct=subproduct)}
        changed = 0
        for year, figures in sorted(values.items()):
            goal = goals.get(year)
            if figures is None and goal is None:
                continue
            physical, financial = figures or (0, ZERO)
            if goal is None:
                goal = Goal(subproduct=subproduct, year=year, source=Goal.Source.ENTERED)
            elif (goal.physical_current, goal.financial_current) == (physical, financial):
                continue
            goal_update(goal=goal, user=user, physical_initial=physical, financial_initial=financial)
            changed += 1
    return changed


def _plan_replaceable(*, institution: Institution, matrices: PomMatrices, replace: bool) -> None:
    existing = Plan.objects.filter(
        institution=institution, kind=matrices.plan_kind, start_year=matrices.start_year
    ).first()
    if existing is None:
        return
    if not replace:
        raise ValidationError(
            _("Ya existe el plan «%(plan)s» de %(institution)s; use --reemplazar para sustituirlo.")
            % {"plan": existing, "institution": institution.code}
        )
    try:
        # Products first: they protect the results that the plan's deletion would cascade to.
        existing.products.all().delete()
        existing.delete()
    except ProtectedError as exc:
        raise ValidationError(
            _("No se puede reemplazar el plan «%(plan)s»: otros registros dependen de él (%(what)s).")
            % {
                "plan": existing,
                "what": ", ".join(sorted({str(obj._meta.verbose_name) for obj in exc.protected_objects})),
            }
        ) from exc


def _import_chain(*, plan: Plan, matrices: PomMatrices, user) -> None:
    reason = _("Importación de las matrices del plan")
    levels = {str(label): value for value, label in Result.Level.choices}
    results = {}
    for position, row in enumerate(matrices.results, start=1):
        if row.level not in levels:
            raise ValidationError(
                _("Nivel «%(level)s» desconocido en el resultado %(code)s.")
                % {"level": row.level, "code": row.code}
            )
        result = Result(
            plan=plan,
            code=row.code,
            position=position,
            description=row.description,
            level=levels[row.level],
            unit=row.unit,
            baseline_year=row.baseline_year,
            baseline_value=row.baseline_value,
        )
        _save(result, user=user, reason=reason)
        results[row.code] = result
    programs = {}
    for row in matrices.programs:
        program, _created = Program.objects.get_or_create(
            institution=plan.institution, code=row.code, defaults={"name": row.name}
        )
        programs[row.code] = program
        for year, amount in zip(plan.years, row.amounts, strict=True):
            if amount is not None:
                _save(
                    BudgetProjection(plan=plan, program=program, year=year, amount=amount),
                    user=user,
                    reason=reason,
                )
    for position, row in enumerate(matrices.products, start=1):
        if row.result_code and row.result_code not in results:
            raise ValidationError(
                _("El producto %(code)s cita el resultado %(result)s, que no está en la matriz 9.2.")
                % {"code": row.code, "result": row.result_code}
            )
        program = (
            programs.get(row.program_code)
            or Program.objects.filter(institution=plan.institution, code=row.program_code).first()
        )
        if program is None:
            raise ValidationError(
                _("El programa %(program)s del producto %(code)s falta en la proyección del presupuesto.")
                % {"program": row.program_code, "code": row.code}
            )
        category = ProgrammaticCategory.objects.filter(
            program=program, subprogram=row.subprogram, project=row.project, activity=row.activity
        ).first() or ProgrammaticCategory(
            program=program,
            subprogram=row.subprogram,
            project=row.project,
            activity=row.activity,
            name=row.activity_name,
        )
        if category.pk is None:
            category.full_clean()
            category.save()
        product = Product(
            plan=plan,
            result=results.get(row.result_code),
            category=category,
            code=row.code,
            position=position,
            name=row.name,
            unit=row.unit,
            pgg_major_contribution=row.pgg_major_contribution,
        )
        _save(product, user=user, reason=reason)
        for sub_position, sub_row in enumerate(row.subproducts, start=1):
            subproduct = Subproduct(
                product=product,
                code=sub_row.code,
                position=sub_position,
                name=sub_row.name,
                unit=sub_row.unit,
            )
            _save(subproduct, user=user, reason=reason)
            for year, goal in zip(plan.years, sub_row.goals, strict=True):
                if goal is not None:
                    _save(_document_goal(goal, year, subproduct=subproduct), user=user, reason=reason)


def _document_goal(goal: MatrixGoal, year: int, **owner) -> Goal:
    return Goal(
        **owner,
        year=year,
        physical_initial=goal.physical,
        physical_current=goal.physical,
        financial_initial=goal.financial,
        financial_current=goal.financial,
        source=Goal.Source.DOCUMENT,
    )


def _import_declared(*, plan: Plan, matrices: PomMatrices, user) -> None:
    """Keep the figures the file prints for products when they differ from their subproducts'
    roll-up (the consistency check then reports them), and every printed total."""
    reason = _("Importación de las matrices del plan")
    figures = plan_goal_figures(plan=plan)
    products = dict(Product.objects.filter(plan=plan).values_list("code", "pk"))
    for row in matrices.products:
        product_id = products[row.code]
        for year, goal in zip(plan.years, row.goals, strict=True):
            physical, financial = figures["computed"].get((product_id, year), (0, ZERO))
            if (goal.physical, goal.financial) != (physical, financial):
                _save(_document_goal(goal, year, product_id=product_id), user=user, reason=reason)
    for matrix, amounts in (
        (DeclaredTotal.Matrix.GOALS, matrices.goals_totals),
        (DeclaredTotal.Matrix.BUDGET_PROJECTION, matrices.projection_totals),
    ):
        for year, amount in zip(plan.years, amounts, strict=True):
            total = DeclaredTotal(plan=plan, matrix=matrix, year=year, amount=amount)
            total.full_clean()
            total.save()


@transaction.atomic
def plan_import(*, matrices: PomMatrices, replace: bool = False, user=None) -> Plan:
    """Create a plan from its POM matrices (the workbook of ``matrices_xlsx``), all or nothing.

    The institution is found by its code (created when it does not exist); programs and
    programmatic categories are reused by code. With ``replace`` an existing plan of the same
    kind and start year is deleted first.
    """
    institution = Institution.objects.filter(code=matrices.institution_code).first()
    if institution is None:
        institution = Institution(
            code=matrices.institution_code,
            name=matrices.institution_name,
            budget_code=matrices.institution_budget_code,
        )
        institution.full_clean()
        institution.save()
    if matrices.plan_kind not in Plan.Kind.values:
        raise ValidationError(_("Tipo de plan «%(kind)s» desconocido.") % {"kind": matrices.plan_kind})
    _plan_replaceable(institution=institution, matrices=matrices, replace=replace)
    plan = Plan(
        institution=institution,
        kind=matrices.plan_kind,
        name=matrices.plan_name,
        start_year=matrices.start_year,
        end_year=matrices.end_year,
        approval_act=matrices.approval_act,
    )
    _save(plan, user=user, reason=_("Importación de las matrices del plan"))
    _import_chain(plan=plan, matrices=matrices, user=user)
    _import_declared(plan=plan, matrices=matrices, user=user)
    return plan


# --- Issue 5c (indicator sheets, activity report) services below this line ---------------------


def _ensure_sheets_editable(user, plan: Plan) -> None:
    """Planning staff of the plan's institution edit its sheets, and only while it is not approved."""
    if not (user.is_superuser or (user.is_planning_staff and user.institution_id == plan.institution_id)):
        raise PermissionDenied(_("Solo el personal de planificación de la institución edita las fichas."))
    plan_ensure_not_approved(
        plan=plan,
        message=_("El plan «%(plan)s» está aprobado: sus fichas técnicas quedan como se aprobaron."),
    )


def _replace_rows(queryset, key: str, rows: dict, build, *, user, reason: str) -> None:
    """Make the related rows exactly ``rows`` ({key value: fields}), validating each.

    Rows already as given are left alone, so their history shows only real changes.
    """
    for row in queryset.exclude(**{f"{key}__in": list(rows)}):
        row._history_user = user
        row.delete()
    existing = {getattr(row, key): row for row in queryset}
    for key_value, fields in rows.items():
        row = existing.get(key_value)
        if row is not None and all(getattr(row, name) == value for name, value in fields.items()):
            continue
        row = row or build(key_value)
        for name, value in fields.items():
            setattr(row, name, value)
        _save(row, user=user, reason=reason)


@transaction.atomic
def indicator_sheet_save(
    *,
    plan: Plan,
    sheet: IndicatorSheet | None,
    fields: dict,
    values: dict[int, Decimal],
    target: dict | None,
    target_years: dict[int, tuple[Decimal, Decimal]],
    user,
) -> IndicatorSheet:
    """Create or update a sheet with its yearly values and its row of the multiannual table.

    ``values`` and ``target_years`` replace what the sheet had; ``target`` None removes the row.
    """
    _ensure_sheets_editable(user, plan)
    sheet = sheet or IndicatorSheet(plan=plan)
    if sheet.plan_id != plan.id:
        raise ValidationError(_("La ficha pertenece a otro plan."))
    for name, value in fields.items():
        setattr(sheet, name, value)
    if sheet.product_id and sheet.product.plan_id != plan.id:
        raise ValidationError({"product": _("El producto debe ser del mismo plan que la ficha.")})
    if sheet.pk is None and not fields.get("position"):
        sheet.position = (plan.indicator_sheets.aggregate(last=Max("position"))["last"] or 0) + 1
    reason = _("Edición de la ficha técnica")
    _save(sheet, user=user, reason=reason)
    _replace_rows(
        IndicatorSheetValue.objects.filter(sheet=sheet),
        "year",
        {year: {"value": value} for year, value in values.items()},
        lambda year: IndicatorSheetValue(sheet=sheet, year=year),
        user=user,
        reason=reason,
    )
    if target is None:
        ProductIndicatorTarget.objects.filter(sheet=sheet).delete()
        return sheet
    row = ProductIndicatorTarget.objects.filter(sheet=sheet).first() or ProductIndicatorTarget(sheet=sheet)
    for name, value in target.items():
        setattr(row, name, value)
    _save(row, user=user, reason=reason)
    _replace_rows(
        ProductIndicatorYear.objects.filter(target=row),
        "year",
        {
            year: {"absolute": absolute, "relative": relative}
            for year, (absolute, relative) in target_years.items()
        },
        lambda year: ProductIndicatorYear(target=row, year=year),
        user=user,
        reason=reason,
    )
    return sheet


@transaction.atomic
def indicator_sheet_delete(*, sheet: IndicatorSheet, user) -> None:
    _ensure_sheets_editable(user, sheet.plan)
    sheet.delete()


# Activity report ------------------------------------------------------------------------------

PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png"}


def _may_report_achievements(user, institution_id: int) -> bool:
    return user.is_superuser or (
        user.institution_id == institution_id and (user.is_planning_staff or user.is_officer)
    )


def achievement_may_edit(*, user, achievement: Achievement) -> bool:
    """Planning staff edit every unit's achievements; anyone else only those they entered."""
    if not _may_report_achievements(user, achievement.institution_id):
        return False
    return user.is_superuser or user.is_planning_staff or achievement.created_by_id == user.pk


def checked_image(upload) -> tuple[bytes, str]:
    """The upload's bytes and Pillow format, refused unless it is a real JPEG or PNG of allowed size."""
    limit = int(getattr(settings, "IGM_MAX_PHOTO_BYTES", 5 * 1024 * 1024))
    if upload.size > limit:
        raise ValidationError(
            _("La foto pesa %(size)s MB; el máximo es %(limit)s MB.")
            % {"size": round(upload.size / 1048576, 1), "limit": round(limit / 1048576, 1)}
        )
    content = upload.read()
    try:
        with Image.open(ContentFile(content)) as image:
            image_format = image.format
            image.verify()
    except Exception as error:  # Pillow raises many kinds for a file that is not an image
        raise ValidationError(_("El archivo no es una imagen válida (JPEG o PNG).")) from error
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(_("Formato de imagen no admitido: use JPEG o PNG."))
    return content, image_format


def downscaled_photo(content: bytes, image_format: str) -> bytes:
    """The checked photo upright (EXIF orientation applied), its long side at most
    ``IGM_PHOTO_MAX_PX``, encoded again in its format (JPEG at quality 85). Encoding again also
    drops the camera's metadata, such as where the photo was taken."""
    max_px = settings.IGM_PHOTO_MAX_PX
    output = io.BytesIO()
    try:
        with Image.open(io.BytesIO(content)) as image:
            icc_profile = image.info.get("icc_profile")
            if image.mode == "P" and max(image.size) > max_px:
                image = image.convert("RGBA")  # a palette would be resized without smoothing
            # A square bound limits the long side whatever the orientation; for a JPEG, thumbnail
            # decodes at a reduced scale first, so a camera photo is never held at full size.
            image.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
            upright = ImageOps.exif_transpose(image)
            options = {"quality": 85, "optimize": True} if image_format == "JPEG" else {}
            upright.save(output, format=image_format, icc_profile=icc_profile, **options)
    except (OSError, ValueError, Image.DecompressionBombError) as error:  # e.g. truncated data
        raise ValidationError(_("El archivo no es una imagen válida (JPEG o PNG).")) from error
    return output.getvalue()


def _photo_add(achievement: Achievement, upload, caption: str) -> AchievementPhoto:
    content, image_format = checked_image(upload)
    content = downscaled_photo(content, image_format)
    photo = AchievementPhoto(
        achievement=achievement, caption=caption.strip(), image_format=image_format, size=len(content)
    )
    photo.image.save(f"{uuid.uuid4().hex}.{PHOTO_FORMATS[image_format]}", ContentFile(content), save=False)
    photo.full_clean()
    photo.save()
    return photo


@transaction.atomic
def achievement_save(
    *,
    institution: Institution,
    achievement: Achievement | None,
    fields: dict,
    photos: list[tuple[object, str]],
    remove_photo_ids: list[int],
    user,
) -> Achievement:
    """Create or update an achievement and add or remove its photos in one transaction."""
    if achievement is None:
        if not _may_report_achievements(user, institution.id):
            raise PermissionDenied(_("Su rol no permite registrar logros de esta institución."))
        achievement = Achievement(institution=institution, created_by=user)
    elif not achievement_may_edit(user=user, achievement=achievement):
        raise PermissionDenied(_("Solo quien registró el logro o planificación puede modificarlo."))
    for name, value in fields.items():
        setattr(achievement, name, value)
    achievement.full_clean()
    achievement.save()
    for photo in achievement.photos.filter(pk__in=remove_photo_ids):
        photo.image.delete(save=False)
        photo.delete()
    for upload, caption in photos:
        _photo_add(achievement, upload, caption)
    return achievement


@transaction.atomic
def achievement_delete(*, achievement: Achievement, user) -> None:
    if not achievement_may_edit(user=user, achievement=achievement):
        raise PermissionDenied(_("Solo quien registró el logro o planificación puede eliminarlo."))
    for photo in achievement.photos.all():
        photo.image.delete(save=False)
    achievement.delete()
