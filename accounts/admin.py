from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "get_full_name", "role", "institution", "is_active", "is_staff")
    list_filter = ("role", "institution", "is_active", "is_staff")
    fieldsets = (*BaseUserAdmin.fieldsets, ("IGM", {"fields": ("role", "institution", "job_title")}))
    add_fieldsets = (*BaseUserAdmin.add_fieldsets, ("IGM", {"fields": ("role", "institution")}))
