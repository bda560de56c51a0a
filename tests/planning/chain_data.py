"""What a planner types into the product form, shared by the form and history tests."""


def product_data(**overrides):
    """The product form's fields for «Emisión de Documentos Migratorios»; None leaves a field out."""
    data = {
        "code": "P-02",
        "position": "2",
        "name": "Emisión de Documentos Migratorios",
        "result": "",
        "unit": "Documento",
        "category_code": "11-00-000-002",
        "category_name": "",
        "responsible_units": "Subdirección de Extranjería",
        "is_national": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
