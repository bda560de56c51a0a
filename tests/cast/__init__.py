"""The cast of the tests: who and what every test can ask for by name.

tests/conftest.py gives the fixtures: ``igm`` (IGM's real data, loaded once per test database by
``load_igm``), ``igm_user(role)`` (IGM's demo account of a role), ``igm_pom`` (IGM's POM
2026-2030) and ``small_world`` (two small institutions built per test, see small_world.py and
plans.py). siplan_excerpt.py holds a report document built by hand from the SIPLAN reference, for
the renderers. Anything else a test needs it builds from these plus tests/factories.py.
"""
