package de.integrationsmonitor.audit;

import java.util.List;
import java.util.Optional;

/** Where report versions are recorded; the store implements it. */
public interface ReportVersionStore {

    Optional<ReportVersion> find(String versionId);

    /** Records a version with its inputs, unless a version of the same id is recorded: then nothing changes. */
    boolean insertIfAbsent(ReportVersion version);

    /** Records further files of a version (its web page, data files) unless recorded already. */
    void addFiles(String versionId, java.util.Map<String, String> sha256ByFile);

    /** The further files of a version, by name relative to the output folder, with their SHA-256. */
    java.util.Map<String, String> files(String versionId);

    /** Every version, in the order they were first rendered (then by id). */
    List<ReportVersion> all();
}
