package de.integrationsmonitor.ingest;

/** What the head of a file says about it, known before the first data line is read. */
public record ExtractHeader(String fileName, ExtractFormat format, String tableCode, String encoding, String title) {}
