package de.integrationsmonitor.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Renders many reports on a fixed number of threads. A report that fails is recorded with its reason and the others
 * go on; the results come back in key order whatever order the threads finished in.
 */
final class ParallelRendering {

    /** One report to render: its key (e.g. the AGS) and the work that writes it. */
    record Job(String key, Task task) {
    }

    /** Renders one report and returns the file written. */
    interface Task {
        Path run() throws Exception;
    }

    /** The files written and the failures, each by key. */
    record Outcome(Map<String, Path> written, Map<String, String> failed) {
    }

    private ParallelRendering() {
    }

    static Outcome run(List<Job> jobs, int threads, Consumer<String> progress) {
        Map<String, Path> written = new TreeMap<>();
        Map<String, String> failed = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Map<String, Future<Path>> running = new TreeMap<>();
            for (Job job : jobs) {
                running.put(job.key(), pool.submit(() -> job.task().run()));
            }
            running.forEach((key, future) -> {
                try {
                    written.put(key, future.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.put(key, "interrupted");
                } catch (ExecutionException e) {
                    String reason = String.valueOf(e.getCause().getMessage());
                    failed.put(key, reason);
                    progress.accept(key + " failed: " + reason);
                }
            });
        } finally {
            pool.shutdown();
        }
        return new Outcome(written, failed);
    }
}
