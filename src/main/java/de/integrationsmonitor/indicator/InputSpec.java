package de.integrationsmonitor.indicator;

import java.util.List;

/** Where an indicator input comes from: a table and the variable paths whose values are summed. */
public record InputSpec(String table, List<String> variables) {
}
