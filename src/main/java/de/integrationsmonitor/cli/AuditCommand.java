package de.integrationsmonitor.cli;

import de.integrationsmonitor.audit.AuditEntry;
import de.integrationsmonitor.audit.AuditLog;
import de.integrationsmonitor.audit.Auditor;
import de.integrationsmonitor.audit.ReportVersion;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.printable.Printable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code imon audit list|show|rerun|verify|log}: what auditors ask of the recorded report versions and the audit
 * log. A verification that fails (a file modified or unknown, a re-render that differs, a broken log) exits 4.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Report versions and the audit log, for auditors: list, show, rerun, verify, log."
                + " Exit 4 when a verification fails.",
        subcommands = {
            AuditCommand.ListVersions.class,
            AuditCommand.Show.class,
            AuditCommand.Rerun.class,
            AuditCommand.Verify.class,
            AuditCommand.Log.class
        })
public class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code audit list}: every version. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Every report version: id, edition, Kreis or Land, rendered at, computation, PDF SHA-256,"
                    + " and whether newer data exist for it.")
    public static class ListVersions implements Callable<Integer> {

        @Option(names = "--edition", paramLabel = "ID", description = "only this edition")
        String edition;

        @Option(names = "--kreis", paramLabel = "AGS", description = "only this Kreis (or land-NN for a Land)")
        String kreis;

        @Option(names = "--format", description = "text (default) or csv")
        CsvOutput.Format format = CsvOutput.Format.text;

        private final Auditor auditor;

        public ListVersions(Auditor auditor) {
            this.auditor = auditor;
        }

        @Override
        public Integer call() throws Exception {
            List<ReportVersion> versions = auditor.list(Optional.ofNullable(edition), Optional.ofNullable(kreis));
            if (format == CsvOutput.Format.csv) {
                try (CsvOutput csv = CsvOutput.open(
                        "version",
                        "edition",
                        "unit",
                        "territory",
                        "rendered_at",
                        "computation",
                        "pdf_sha256",
                        "newer_data",
                        "application",
                        "file")) {
                    for (ReportVersion v : versions) {
                        csv.record(
                                v.versionId(),
                                v.edition(),
                                v.unit(),
                                v.territory(),
                                v.renderedAt().toString(),
                                v.computationId(),
                                v.pdfSha256(),
                                auditor.newerDeliveries(v).isEmpty() ? "no" : "yes",
                                v.appVersion(),
                                v.fileName());
                    }
                }
                return ExitCodes.OK;
            }
            if (versions.isEmpty()) {
                System.out.println("no report versions recorded"
                        + (edition == null && kreis == null ? "" : " for this selection"));
            }
            for (ReportVersion v : versions) {
                List<Delivery> newer = auditor.newerDeliveries(v);
                System.out.println(v.versionId() + "  " + v.edition() + "  " + v.territory() + "  rendered "
                        + Auditor.when(v.renderedAt()) + "  computation " + v.computationId() + "  PDF SHA-256 "
                        + v.pdfSha256()
                        + (newer.isEmpty()
                                ? ""
                                : "  newer data: " + newer.size() + (newer.size() == 1 ? " delivery" : " deliveries")));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code audit show VERSION}: what a version rests on and what changed since. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Everything a version rests on, and what changed since: newer deliveries of the same"
                    + " tables, edited catalogue, rules, register, templates or edition.")
    public static class Show implements Callable<Integer> {

        @Parameters(paramLabel = "VERSION", description = "a version id, e.g. 7KQ2-M9XD-4A")
        String id;

        private final Auditor auditor;

        public Show(Auditor auditor) {
            this.auditor = auditor;
        }

        @Override
        public Integer call() {
            ReportVersion v = auditor.version(id);
            StringBuilder out = new StringBuilder();
            out.append("Version ")
                    .append(v.versionId())
                    .append('\n')
                    .append("  edition: ")
                    .append(v.edition())
                    .append(" (")
                    .append(v.editionTitle())
                    .append(")\n")
                    .append("  report: ")
                    .append(v.territory())
                    .append(", ")
                    .append(v.fileName())
                    .append('\n')
                    .append("  rendered: ")
                    .append(Auditor.when(v.renderedAt()))
                    .append(" by application ")
                    .append(v.appVersion())
                    .append('\n')
                    .append("  PDF SHA-256: ")
                    .append(v.pdfSha256())
                    .append('\n')
                    .append("  inputs SHA-256: ")
                    .append(v.inputsSha256())
                    .append('\n')
                    .append("  computation: ")
                    .append(v.computationId())
                    .append('\n')
                    .append("Deliveries of the computation:\n");
            for (Delivery d : auditor.deliveriesOf(v)) {
                out.append("  ")
                        .append(d.tableCode())
                        .append(' ')
                        .append(Printable.escape(d.fileName()))
                        .append(" Stand ")
                        .append(Auditor.stand(d))
                        .append(" SHA-256 ")
                        .append(d.sha256())
                        .append('\n');
            }
            out.append("Files (archived by content):\n");
            Auditor.byRole(v)
                    .forEach((role, inputs) -> inputs.forEach(i -> out.append("  ")
                            .append(role)
                            .append(' ')
                            .append(i.name())
                            .append(" SHA-256 ")
                            .append(i.sha256())
                            .append('\n')));
            List<Delivery> newer = auditor.newerDeliveries(v);
            Map<String, String> changed = auditor.changedSince(v);
            out.append("Changed since:\n");
            if (newer.isEmpty() && changed.isEmpty()) {
                out.append("  nothing: no newer deliveries, every file as it was\n");
            }
            for (Delivery d : newer) {
                out.append("  newer delivery ")
                        .append(d.tableCode())
                        .append(' ')
                        .append(Printable.escape(d.fileName()))
                        .append(" Stand ")
                        .append(Auditor.stand(d))
                        .append(" SHA-256 ")
                        .append(d.sha256())
                        .append('\n');
            }
            changed.forEach((file, what) ->
                    out.append("  ").append(file).append(": ").append(what).append('\n'));
            System.out.print(out);
            return ExitCodes.OK;
        }
    }

    /** {@code audit rerun VERSION}: renders a version again from the archive and compares. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(
            name = "rerun",
            mixinStandardHelpOptions = true,
            description = "Renders a version again from the archive and its stored computation into DIR (default a"
                    + " new folder under output/audit/) and compares with the published PDF and web page (or, for a"
                    + " web publication's version, its index and data files): exit 0 when identical, 4 when it"
                    + " differs.")
    public static class Rerun implements Callable<Integer> {

        @Parameters(paramLabel = "VERSION", description = "a version id, e.g. 7KQ2-M9XD-4A")
        String id;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description =
                        "the folder to write the files into (created when missing; a file there is refused, exit 64)")
        Path out;

        private final Auditor auditor;

        public Rerun(Auditor auditor) {
            this.auditor = auditor;
        }

        @Override
        public Integer call() {
            if (out != null && java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
                // a wrong command line, said before anything is rendered; the file is left alone
                System.err.println("imon: --out " + Printable.escape(out.toString()) + " is a file, not a folder;"
                        + " name a folder (it is created when missing)");
                return ExitCodes.USAGE;
            }
            Auditor.Rerun rerun = auditor.rerun(id, Optional.ofNullable(out));
            System.out.println(
                    rerun.version().versionId() + " " + rerun.version().territory() + ": " + rerun.file());
            System.out.println(rerun.verdict());
            return rerun.identical() ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }

    /** {@code audit verify FILE...}: checks PDFs, web pages and data files from the version ids they carry. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Verifies PDFs, web pages (.html) and open data files (.csv, .json, .jsonld) from the files"
                    + " alone: the version id they carry names the version, whose recorded SHA-256 must be the"
                    + " file's. Exit 4 when one is modified or unknown.")
    public static class Verify implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        private final Auditor auditor;

        public Verify(Auditor auditor) {
            this.auditor = auditor;
        }

        @Override
        public Integer call() {
            boolean all = true;
            for (Path file : files) {
                Auditor.Verification v = auditor.verify(file);
                System.out.println(Printable.escape(file.toString()) + ": " + Printable.escape(v.verdict()));
                all &= v.authentic();
            }
            return all ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }

    /** {@code audit log [--verify]}: prints the audit log, or checks its chain. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(
            name = "log",
            mixinStandardHelpOptions = true,
            description = "Prints the audit log (every ingest, computation, rendering, re-render and verification);"
                    + " with --verify checks its chain of SHA-256 and names the first entry changed or removed, or a"
                    + " delivery stored without its ingest entry (exit 4).")
    public static class Log implements Callable<Integer> {

        @Option(names = "--verify", description = "check the chain instead of printing it")
        boolean verify;

        private final AuditLog log;

        public Log(AuditLog log) {
            this.log = log;
        }

        @Override
        public Integer call() {
            if (verify) {
                Optional<String> problem = log.verify();
                int entries = log.entries().size();
                if (problem.isPresent()) {
                    System.out.println("audit log broken: " + Printable.escape(problem.get()));
                    return ExitCodes.VERIFICATION_FAILED;
                }
                System.out.println("audit log intact: " + entries + (entries == 1 ? " entry" : " entries")
                        + ", each chained to the one before");
                return ExitCodes.OK;
            }
            for (AuditEntry e : log.entries()) {
                // names from outside (a file name) printed escaped: an entry is one line, whatever it names
                System.out.println(e.seq() + "  " + Auditor.when(e.at()) + "  " + Printable.escape(e.osUser()) + "@"
                        + Printable.escape(e.host()) + "  " + e.action() + "  " + Printable.escape(e.subject()) + "  "
                        + Printable.escape(e.details()) + "  sha256 " + e.sha256());
            }
            return ExitCodes.OK;
        }
    }
}
