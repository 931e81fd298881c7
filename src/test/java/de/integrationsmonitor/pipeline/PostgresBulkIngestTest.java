package de.integrationsmonitor.pipeline;

import de.integrationsmonitor.testing.OnPostgres;

/**
 * The bulk ingest comparison on PostgreSQL (COPY), the production database, with the configuration users run: the shipped
 * profile {@code postgres} (application-postgres.properties), pointed through its own IMON_DB_URL at a schema of
 * this run's, dropped afterwards. Runs when a PostgreSQL answers on 127.0.0.1:5432 (database {@code test}).
 */
@OnPostgres("imon_bulk_ingest")
class PostgresBulkIngestTest extends BulkIngestTest {}
