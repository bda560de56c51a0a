"""Execution totals per product/subproduct and month/period/year, summed in the database.

In each institution of the test data a product (unit Persona) has a Persona and a Documento
subproduct, each executing 10 × month units and Q 100.25 × month in months 1, 5 and 9.
"""

from django.urls import reverse

from .helpers import results

TOTALS = "budget-api:execution-totals"


def totals(client, **params) -> list[dict]:
    return results(client.get(reverse(TOTALS), {"institution": "AAA"} | params))


def test_product_by_period_adds_physical_of_same_unit_and_financial_of_all(read_client, two_institutions):
    aaa, _ = two_institutions
    rows = totals(read_client, level="product", by="period")
    assert [(r["product_id"], r["year"], r["period"], r["physical"], r["financial"]) for r in rows] == [
        (aaa.product.pk, 2024, 1, 10, "200.50"),
        (aaa.product.pk, 2024, 2, 50, "1002.50"),
        (aaa.product.pk, 2024, 3, 90, "1804.50"),
    ]


def test_subproduct_by_year(read_client, two_institutions):
    aaa, _ = two_institutions
    rows = totals(read_client, level="subproduct", by="year")
    assert [(r["subproduct_id"], r["physical"], r["financial"]) for r in rows] == [
        (subproduct.pk, 150, "1503.75") for subproduct in sorted(aaa.subproducts, key=lambda s: s.pk)
    ]
    assert rows[0]["subproduct_code"] == min(aaa.subproducts, key=lambda s: s.pk).code


def test_subproduct_by_month_is_the_default(read_client, two_institutions):
    rows = totals(read_client)
    assert [(r["month"], r["physical"]) for r in rows][:3] == [(1, 10), (5, 50), (9, 90)]
    assert len(rows) == 6


def test_totals_respect_the_period_filter(read_client, two_institutions):
    rows = totals(read_client, level="product", by="year", period=3)
    assert [(r["physical"], r["financial"]) for r in rows] == [(90, "1804.50")]


def test_institution_token_totals_only_cover_its_institution(institution_client, two_institutions):
    rows = results(institution_client.get(reverse(TOTALS), {"level": "product", "by": "year"}))
    assert [(r["product_code"], r["physical"]) for r in rows] == [(two_institutions[0].product.code, 150)]


def test_totals_are_paged_without_counting(read_client, two_institutions):
    url = reverse(TOTALS)
    first = read_client.get(url, {"institution": "AAA", "page_size": 4}).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (None, 4, None)
    second = read_client.get(first["next"]).json()
    assert len(second["results"]) == 2
    assert second["next"] is None
    assert read_client.get(second["previous"]).json()["results"] == first["results"]
