"""OpenAPI: every operation documents the shared error shape and the conditional-GET 304."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


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
    "401": "Falta la credencial o no es válida (token revocado o desconocido).",
    "403": "El alcance o el rol no permiten la operación.",
    "404": "No existe o no es visible para este cliente.",
    "429": "Límite de solicitudes del cliente superado; vea el encabezado Retry-After.",
}


class ApiAutoSchema(AutoSchema):
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


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "igm_plan.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Encabezado «Authorization: Token <clave>». La clave la entrega el administrador "
            "(manage.py create_api_token); alcance «read» o «institution:<siglas>».",
        }
