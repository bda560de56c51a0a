from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from common.admin import WorkflowOnlyAdmin

from .models import (
    BudgetProjection,
    DeclaredTotal,
    Department,
    Goal,
    Institution,
    Municipality,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    ResultTarget,
    StrategicFrame,
    Subproduct,
)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("name", "code")


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "department")
    list_filter = ("department",)
    search_fields = ("name", "code")


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "budget_code", "head_name")
    search_fields = ("code", "name", "budget_code")


class ResultTargetInline(admin.TabularInline):
    model = ResultTarget
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ("name", "institution", "kind", "start_year", "end_year", "status", "approval_act")
    list_filter = ("institution", "kind", "status")
    search_fields = ("name", "approval_act")


@admin.register(Result)
class ResultAdmin(SimpleHistoryAdmin):
    list_display = ("code", "plan", "level", "unit", "baseline_year", "baseline_value")
    list_filter = ("plan__institution", "plan", "level")
    search_fields = ("code", "description")
    inlines = [ResultTargetInline]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "institution")
    list_filter = ("institution",)


@admin.register(ProgrammaticCategory)
class ProgrammaticCategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "program")
    list_filter = ("program__institution", "program")
    search_fields = ("name",)


class SubproductInline(admin.TabularInline):
    model = Subproduct
    fields = ("position", "code", "name", "unit", "responsible_unit")
    extra = 0
    show_change_link = True


@admin.register(Product)
class ProductAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "unit", "plan", "result", "category", "pgg_major_contribution")
    list_filter = ("plan__institution", "plan", "unit", "pgg_major_contribution")
    search_fields = ("code", "name")
    autocomplete_fields = ("departments", "municipalities")
    inlines = [SubproductInline]


@admin.register(Subproduct)
class SubproductAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "unit", "product", "responsible_unit")
    list_filter = ("product__plan__institution", "product__plan", "unit")
    search_fields = ("code", "name")
    autocomplete_fields = ("departments", "municipalities")


class ReprogrammingInline(admin.TabularInline):
    model = Reprogramming
    fields = (
        "measure",
        "old_value",
        "new_value",
        "effective_date",
        "status",
        "supporting_act",
        "approver_name",
    )
    extra = 0


@admin.register(Goal)
class GoalAdmin(WorkflowOnlyAdmin, SimpleHistoryAdmin):
    list_display = (
        "owner",
        "year",
        "physical_initial",
        "physical_current",
        "financial_initial",
        "financial_current",
        "source",
    )
    list_filter = ("year", "source", "subproduct__product__plan", "product__plan")
    search_fields = ("subproduct__name", "product__name", "subproduct__code", "product__code")
    list_select_related = ("subproduct", "product")
    inlines = [ReprogrammingInline]


@admin.register(Reprogramming)
class ReprogrammingAdmin(WorkflowOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("goal", "measure", "old_value", "new_value", "effective_date", "status", "decided_by")
    list_filter = ("status", "measure")
    list_select_related = ("goal__subproduct", "goal__product", "decided_by")


@admin.register(DeclaredTotal)
class DeclaredTotalAdmin(admin.ModelAdmin):
    list_display = ("plan", "matrix", "year", "amount")
    list_filter = ("plan", "matrix")


@admin.register(BudgetProjection)
class BudgetProjectionAdmin(SimpleHistoryAdmin):
    list_display = ("plan", "program", "year", "amount")
    list_filter = ("plan", "year", "program")


@admin.register(StrategicFrame)
class StrategicFrameAdmin(WorkflowOnlyAdmin, SimpleHistoryAdmin):
    """Read here; planning staff edit the frame on its page, through the service that keeps history."""

    list_display = ("institution", "head_of_planning", "information_officer", "issue_date")
