package de.integrationsmonitor.pipeline;

import de.integrationsmonitor.testing.OnPostgres;

/** The nightly run on PostgreSQL with the shipped {@code postgres} profile; the lock is an advisory lock there. */
@OnPostgres("imon_nightly")
class PostgresNightlyTest extends NightlyTest {}
