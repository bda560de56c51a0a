from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView

from budget.models import Execution
from igm_plan.api.views import ApiViewMixin
from national.filtersets import NationalProgressFilterSet
from national.permissions import ensure_national_reader, national_institutions
from planning.models import Goal, Institution, Product, Reprogramming
from reporting.models import PeriodReport

from .serializers import NationalLineSerializer


class NationalFilterBackend(DjangoFilterBackend):
    """The page's FilterSet, which needs today's date for the default period and the deadlines."""

    def get_filterset_kwargs(self, request, queryset, view):
        return {**super().get_filterset_kwargs(request, queryset, view), "today": timezone.localdate()}


class NationalProgressView(ApiViewMixin, ListAPIView):
    """Every institution's four-monthly progress (the national view), one line per institution."""

    institution_field = ""
    history_models = (Execution, Goal, Reprogramming, Product, PeriodReport)
    serializer_class = NationalLineSerializer
    filterset_class = NationalProgressFilterSet
    filter_backends = [NationalFilterBackend]
    queryset = Institution.objects.all()
    read_rule = staticmethod(ensure_national_reader)

    def get_queryset(self):
        user = self.request.user
        if user.is_integration:  # an API client: its token's scope decides
            return self.restrict(Institution.objects.all())
        return self.restrict(national_institutions(user=user))

    def list(self, request, *args, **kwargs):
        filterset = NationalFilterBackend().get_filterset(request, self.get_queryset(), self)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        page = self.paginate_queryset(filterset.national_progress())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
