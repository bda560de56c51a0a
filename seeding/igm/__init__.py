"""IGM's transcribed documents (``fixtures/``) seeded into the database by ``load_igm``."""
