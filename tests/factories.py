"""factory_boy factories shared by every test folder."""

from decimal import Decimal

import factory

from accounts.models import Role, User
from budget.models import CostCentre, Execution
from planning import models as planning

TEST_PASSWORD = "clave-de-prueba-segura-2024"


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = planning.Institution
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"INST{n}")
    # The 8xxx prefix never collides with a real code such as IGM's 1120-0069-000-000.
    budget_code = factory.Sequence(lambda n: f"8{n // 10000:03d}-{n % 10000:04d}-000-000")
    name = factory.LazyAttribute(lambda o: f"Institución {o.code}")
    head_name = "Lic. Persona de Prueba"
    head_title = "Director General"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"usuario{n}")
    first_name = "Usuario"
    last_name = factory.Sequence(lambda n: f"Prueba {n}")
    role = Role.PLANNER
    institution = factory.SubFactory(InstitutionFactory)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = planning.Plan

    institution = factory.SubFactory(InstitutionFactory)
    kind = planning.Plan.Kind.POA
    start_year = 2024
    end_year = factory.LazyAttribute(lambda o: o.start_year)
    name = factory.LazyAttribute(lambda o: f"{o.kind} {o.start_year}-{o.end_year}")
    status = planning.Plan.Status.DRAFT


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = planning.Program
        django_get_or_create = ("institution", "code")

    institution = factory.SubFactory(InstitutionFactory)
    code = "11"
    name = "Programa de prueba"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = planning.ProgrammaticCategory

    name = factory.Sequence(lambda n: f"Actividad {n}")
    program = factory.SubFactory(ProgramFactory)
    # 100 to 999: the small world's categories are 001 to 003.
    activity = factory.Sequence(lambda n: f"{100 + n % 900:03d}")


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = planning.Result

    unit = "Persona"
    code = factory.Sequence(lambda n: f"RF-{n}")
    plan = factory.SubFactory(PlanFactory)
    description = factory.Sequence(lambda n: f"Resultado institucional {n}")
    baseline_year = 2021
    baseline_value = Decimal("100.00")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = planning.Product

    plan = factory.SubFactory(PlanFactory)
    category = factory.SubFactory(
        CategoryFactory,
        program=factory.SubFactory(ProgramFactory, institution=factory.SelfAttribute("...plan.institution")),
    )
    code = factory.Sequence(lambda n: f"P{n:04d}")
    position = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Producto {n}")
    unit = "Persona"


class SubproductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = planning.Subproduct

    unit = factory.SelfAttribute("product.unit")
    product = factory.SubFactory(ProductFactory)
    code = factory.Sequence(lambda n: f"S{n:05d}")
    position = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Subproducto {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = planning.Goal

    subproduct = factory.SubFactory(SubproductFactory)
    year = 2024
    physical_initial = 1200
    physical_current = factory.SelfAttribute("physical_initial")
    financial_initial = Decimal("120000.00")
    financial_current = factory.SelfAttribute("financial_initial")
    source = planning.Goal.Source.ENTERED


class CostCentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CostCentre

    code = factory.Sequence(lambda n: f"CC-{n:03d}")
    name = factory.Sequence(lambda n: f"Centro de costo {n}")
    institution = factory.SubFactory(InstitutionFactory)


class ExecutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Execution

    year = 2024
    month = 1
    cost_centre = factory.SubFactory(CostCentreFactory)
    subproduct = factory.SubFactory(SubproductFactory)
    physical = 100
    financial = Decimal("10000.00")
