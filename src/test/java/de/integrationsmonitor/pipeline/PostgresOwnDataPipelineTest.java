package de.integrationsmonitor.pipeline;

import de.integrationsmonitor.testing.OnPostgres;

/** The own-data scenarios on PostgreSQL, in a schema of their own (see {@link OnPostgres}). */
@OnPostgres("imon_own_data")
class PostgresOwnDataPipelineTest extends OwnDataPipelineTest {}
