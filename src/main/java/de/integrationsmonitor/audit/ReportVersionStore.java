package de.integrationsmonitor.audit;

import java.util.List;
import java.util.Optional;

/** Where report versions are recorded; the store implements it. */
public interface ReportVersionStore {

    Optional<ReportVersion> find(String versionId);

    /** Records a version with its inputs, unless a version of the same id is recorded: then nothing changes. */
    boolean insertIfAbsent(ReportVersion version);

    /** Every version, in the order they were first rendered (then by id). */
    List<ReportVersion> all();
}
