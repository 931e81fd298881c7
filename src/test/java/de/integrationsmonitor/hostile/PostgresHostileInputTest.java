package de.integrationsmonitor.hostile;

import de.integrationsmonitor.testing.OnPostgres;

/**
 * The hostile-input corpus on PostgreSQL, the production database, in a schema of its own. Skipped, with that
 * reason, when no PostgreSQL answers on 127.0.0.1:5432.
 */
@OnPostgres("imon_hostile")
class PostgresHostileInputTest extends HostileInputTest {}
