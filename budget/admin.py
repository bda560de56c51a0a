from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.admin import WorkflowOnlyAdmin

from .models import CostCentre, Execution, ExecutionMonth, ExecutionUpload, PeriodLock


@admin.register(CostCentre)
class CostCentreAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "institution", "status", "department", "municipality")
    list_filter = ("institution", "status", "department")
    search_fields = ("code", "name")
    filter_horizontal = ("subproducts", "officers")


@admin.register(Execution)
class ExecutionAdmin(WorkflowOnlyAdmin, SimpleHistoryAdmin):
    # Codes, not names: with the long names the figures were scrolled out of sight.
    list_display = (
        "cost_centre_code",
        "subproduct_code",
        "year",
        "month",
        "physical",
        "financial",
        "is_derived",
        "updated_at",
    )
    list_filter = ("year", "month", "is_derived", "cost_centre__institution", "cost_centre")
    search_fields = ("subproduct__name", "subproduct__code", "cost_centre__name", "cost_centre__code")
    list_select_related = ("cost_centre", "subproduct")

    @admin.display(description=_("centro de costo"), ordering="cost_centre__code")
    def cost_centre_code(self, execution):
        return execution.cost_centre.code

    @admin.display(description=_("subproducto"), ordering="subproduct__code")
    def subproduct_code(self, execution):
        return execution.subproduct.code


@admin.register(ExecutionUpload)
class ExecutionUploadAdmin(admin.ModelAdmin):
    list_display = ("original_name", "uploaded_by", "uploaded_at", "outcome", "sha256")
    list_filter = ("outcome",)
    readonly_fields = ("sha256", "size", "uploaded_at", "uploaded_by", "summary", "errors")


@admin.register(ExecutionMonth)
class ExecutionMonthAdmin(WorkflowOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("cost_centre", "year", "month", "status", "changed_by", "changed_at")
    list_filter = ("status", "year", "month")


@admin.register(PeriodLock)
class PeriodLockAdmin(WorkflowOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("institution", "year", "period", "locked_at", "locked_by", "unlocked_at", "unlocked_by")
    list_filter = ("institution", "year")
