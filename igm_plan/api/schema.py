"""OpenAPI: every operation has a tag, a Spanish summary and description, the shared error shape and
the conditional-GET 304; parameters declare exactly the values the API accepts."""

from django.utils.text import capfirst
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from .docs import TAGS, operation_text
from .filters import BIGINT_MAX, IntegerFilter


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Código estable del error, p. ej. not_found, invalid, throttled.")
    message = serializers.CharField(help_text="Explicación en español, para mostrar a una persona.")
    fields = serializers.DictField(
        required=False,
        help_text="Solo en errores de validación: mensajes por campo.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer(help_text="Descripción del error.")


ERROR_STATUSES = {
    "400": "Datos o parámetros inválidos.",
    "401": "Falta la credencial o no es válida (token revocado o desconocido); envíe la cabecera "
    "`Authorization: Token <clave>`.",
    "403": "El alcance o el rol no permiten la operación.",
    "404": "No existe o no es visible para este cliente.",
    "429": "Límite de solicitudes del cliente superado; vea el encabezado Retry-After.",
}


class ApiAutoSchema(AutoSchema):
    def get_tags(self):
        app = type(self.view).__module__.split(".")[0]
        return [TAGS[app][0]] if app in TAGS else super().get_tags()

    def _operation_text(self) -> tuple[str, str] | None:
        # /api/v1/<resource>/...
        resource = self.path.strip("/").split("/")[2]
        return operation_text(resource, getattr(self.view, "action", None) or self.method.lower())

    def get_summary(self):
        text = self._operation_text()
        return text[0] if text else super().get_summary()

    def get_description(self):
        # The views' docstrings are for developers (and in English): integrators read these.
        text = self._operation_text()
        return text[1] if text else super().get_description()

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if parameter["name"] == "id":
                parameter["description"] = "Identificador numérico del objeto."
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": BIGINT_MAX}
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, description in ERROR_STATUSES.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                responses[code]["description"] = description
        if self.method == "GET":
            responses.setdefault(
                "304", {"description": "Sin cambios desde If-None-Match / If-Modified-Since."}
            )
        else:
            responses.setdefault("405", {"description": "Método no permitido en este recurso."})
        return responses


# Filters made from a model's fields carry no help text of their own.
FILTER_HELP = {
    "plan": "Id del plan.",
    "result": "Id del resultado.",
    "product": "Id del producto.",
    "subproduct": "Id del subproducto.",
    "goal": "Id de la meta.",
    "cost_centre": "Id del centro de costo.",
    "code": "Código exacto.",
    "year": "Año.",
    "month": "Mes, 1 a 12.",
}


class RangedFilterExtension(DjangoFilterExtension):
    """Whole-number filters are integers with the range they accept (ids, year, month, period), and
    every filter is described."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        for parameter in parameters:
            description = parameter.get("description", "")
            # Choices come as a bare list of values: say first what is chosen.
            if not description or description.startswith("* "):
                title = parameter["schema"].get("title") or field_name
                name = FILTER_HELP.get(field_name) or f"{capfirst(title)}."
                parameter["description"] = f"{name}\n\n{description}".strip()
        if isinstance(filter_field, IntegerFilter):
            schema = {
                "type": "integer",
                "minimum": filter_field.extra["min_value"],
                "maximum": filter_field.extra["max_value"],
            }
            for parameter in parameters:
                parameter["schema"] = schema
        return parameters


# Markdown in Swagger UI's Authorize dialog: placeholders inside code spans, or they vanish as tags.
AUTHORIZE_HELP = (
    "Envíe la cabecera `Authorization: Token <clave>`.\n\n"
    "En el cuadro *Value* escriba la palabra `Token`, un espacio y la clave, por ejemplo "
    "`Token 8sK2xQ4mZl0vR7tYp3Nw`; sin el prefijo la respuesta es 401. "
    "La clave la entrega el administrador (`manage.py create_api_token`), con alcance `read` "
    "(todas las instituciones, solo lectura) o `institution:<siglas>` (solo esa institución)."
)


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "igm_plan.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization", "description": AUTHORIZE_HELP}


def describe_tags(result, generator, request, public):
    """Postprocessing hook: the tags in the order of the apps' layers, each with its description."""
    result["tags"] = [{"name": name, "description": description} for name, description in TAGS.values()]
    return result
