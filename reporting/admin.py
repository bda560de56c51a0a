from django.contrib import admin

from .models import DeviationNote, LetterSequence, PeriodReport, ReportJob


@admin.register(PeriodReport)
class PeriodReportAdmin(admin.ModelAdmin):
    list_display = ["institution", "year", "period", "status", "letter_number", "letter_year", "signed_at"]
    list_filter = ["institution", "year", "status"]
    # The workflow is driven by the services; the admin only reads it.
    readonly_fields = [field.name for field in PeriodReport._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(LetterSequence)
class LetterSequenceAdmin(admin.ModelAdmin):
    list_display = ["institution", "year", "last_number"]


@admin.register(DeviationNote)
class DeviationNoteAdmin(admin.ModelAdmin):
    list_display = ["subproduct", "year", "period", "measure", "written_by", "written_at"]
    list_filter = ["year", "period", "measure"]
    readonly_fields = ["subproduct", "year", "period", "measure", "text", "written_by", "written_at"]

    def has_add_permission(self, request):
        return False


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    list_display = ["pk", "institution", "year", "period", "format", "signed", "status", "stage", "percent"]
    list_filter = ["status", "format", "signed", "institution"]
    readonly_fields = [field.name for field in ReportJob._meta.fields]

    def has_add_permission(self, request):
        return False
