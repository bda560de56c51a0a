"""Execution totals per product/subproduct and month/period/year, summed in the database.

The small world's Instituto de Prueba executes, each month m of 2024, 10·m people and Q 100.25·m at
Quetzaltenango and 30 people and Q 300.50 at Petén in albergues (S03, Persona), and 1 report and
Q 100.00 of informes de seguimiento (S04, Documento); both belong to the Persona product P02.
"""

from django.urls import reverse

from tests.api_clients import results

TOTALS = "budget-api:execution-totals"


def totals(client, **params) -> list[dict]:
    return results(client.get(reverse(TOTALS), {"institution": "INP"} | params))


def test_product_by_period_adds_physical_of_same_unit_and_financial_of_all(read_client, small_world):
    rows = totals(read_client, level="product", by="period")
    product = small_world.assistance.pk
    # Period 1: people 10+20+30+40 + 4·30 = 220; Q 100.25·10 + 4·300.50 + 4·100.00 = 2,604.50.
    assert [(r["product_id"], r["year"], r["period"], r["physical"], r["financial"]) for r in rows] == [
        (product, 2024, 1, 220, "2604.50"),
        (product, 2024, 2, 380, "4208.50"),
        (product, 2024, 3, 540, "5812.50"),
    ]


def test_subproduct_by_year(read_client, small_world):
    rows = totals(read_client, level="subproduct", by="year")
    # Albergues: 10·78 + 12·30 people, Q 100.25·78 + 12·300.50; informes: 12 and Q 1,200.00.
    assert [(r["subproduct_id"], r["physical"], r["financial"]) for r in rows] == [
        (small_world.shelters.pk, 1140, "11425.50"),
        (small_world.follow_up_reports.pk, 12, "1200.00"),
    ]
    assert rows[0]["subproduct_code"] == "S03"


def test_subproduct_by_month_is_the_default(read_client, small_world):
    rows = totals(read_client)
    assert [(r["month"], r["physical"]) for r in rows][:3] == [(1, 40), (2, 50), (3, 60)]
    assert len(rows) == 2 * 12


def test_totals_respect_the_period_filter(read_client, small_world):
    rows = totals(read_client, level="product", by="year", period=3)
    assert [(r["physical"], r["financial"]) for r in rows] == [(540, "5812.50")]


def test_institution_token_totals_only_cover_its_institution(institution_client, small_world):
    rows = results(institution_client.get(reverse(TOTALS), {"level": "product", "by": "year"}))
    assert [(r["product_code"], r["physical"]) for r in rows] == [(small_world.assistance.code, 1140)]


def test_totals_are_paged_without_counting(read_client, small_world):
    url = reverse(TOTALS)
    first = read_client.get(url, {"institution": "INP", "page_size": 20}).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (None, 20, None)
    second = read_client.get(first["next"]).json()
    assert len(second["results"]) == 2 * 12 - 20
    assert second["next"] is None
    assert read_client.get(second["previous"]).json()["results"] == first["results"]
