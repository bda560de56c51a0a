"""Admin pages for records that change only through their workflow."""


class WorkflowOnlyAdmin:
    """Execution, goals, reprogrammings, month workflow and period locks change only through their
    services (intake, locks, approvals, reprogramming), which check periods, plans and roles and
    record why. The admin shows them and their history; it neither adds, changes nor deletes them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
