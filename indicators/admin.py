from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import IndicatorSheet, IndicatorSheetValue, ProductIndicatorTarget, ProductIndicatorYear


class IndicatorSheetValueInline(admin.TabularInline):
    model = IndicatorSheetValue
    extra = 0


@admin.register(IndicatorSheet)
class IndicatorSheetAdmin(SimpleHistoryAdmin):
    list_display = ("position", "code", "name", "plan", "product", "category", "frequency")
    list_filter = ("plan", "category")
    search_fields = ("name",)
    inlines = [IndicatorSheetValueInline]


class ProductIndicatorYearInline(admin.TabularInline):
    model = ProductIndicatorYear
    extra = 0


@admin.register(ProductIndicatorTarget)
class ProductIndicatorTargetAdmin(SimpleHistoryAdmin):
    list_display = ("sheet", "unit", "baseline_year", "baseline_absolute", "total_absolute")
    inlines = [ProductIndicatorYearInline]
