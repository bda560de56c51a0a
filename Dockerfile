# Image for docker-compose.yml's web, worker and beat services.
FROM python:3.11-slim-bookworm
# postgresql-client (15, as the server) gives `manage.py backup` and `restore` pg_dump and pg_restore.
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core fonts-dejavu-extra postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir -e .
COPY . .
RUN DJANGO_SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-000000000000 \
    python manage.py collectstatic --noinput
USER nobody
