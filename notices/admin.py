from django.contrib import admin

from .models import Notice, SilencedKind


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ("day", "recipient", "kind", "subject", "emailed_at", "read_at")
    list_filter = ("kind", "day")
    search_fields = ("recipient__username", "subject")


@admin.register(SilencedKind)
class SilencedKindAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "silenced_at")
