package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.RunEvents;
import de.integrationsmonitor.printable.Printable;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Shows what a run is doing while it runs: on a terminal, progress bars (progressbar library) for the rows taken in
 * and the reports rendered per edition; elsewhere (a scheduler, a pipe) one log line per file and per failed report,
 * and no bars. Rendering partitions tell from several threads at once, so every update is synchronised.
 */
@Component
public class ProgressBars {

    private static final Logger LOG = LoggerFactory.getLogger("imon");

    private final boolean terminal = System.console() != null;
    private final Map<String, ProgressBar> rendering = new HashMap<>();
    /** Without a terminal: per edition the reports to render and those rendered so far, for the log lines. */
    private final Map<String, long[]> counts = new HashMap<>();

    private ProgressBar ingest;

    @EventListener
    public synchronized void on(RunEvents.FileIngested event) {
        var o = event.outcome();
        long stored = o.account().map(a -> a.observations()).orElse(0L);
        if (terminal) {
            if (ingest == null) {
                ingest = bar("ingest", -1, "rows");
            }
            ingest.stepBy(stored);
            ingest.setExtraMessage(Printable.escape(o.fileName()));
        } else {
            LOG.info(
                    "{}: {}{}",
                    o.fileName(),
                    o.status().name().toLowerCase().replace('_', ' '),
                    o.refused()
                            ? " - " + o.message()
                            : o.deliveryId().map(id -> " as delivery " + id).orElse(""));
        }
    }

    @EventListener
    public synchronized void on(RunEvents.RenderingStarted event) {
        closeIngest();
        if (terminal && event.units() > 0) {
            ProgressBar old =
                    rendering.put(event.edition(), bar("render " + event.edition(), event.units(), "reports"));
            if (old != null) {
                old.close();
            }
        } else {
            counts.put(event.edition(), new long[] {0, event.units()});
            LOG.info("rendering edition {}: {} report(s)", event.edition(), event.units());
        }
    }

    @EventListener
    public synchronized void on(RunEvents.UnitRendered event) {
        ProgressBar bar = rendering.get(event.edition());
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(event.unit());
            if (bar.getCurrent() >= bar.getMax()) {
                bar.close();
                rendering.remove(event.edition());
            }
        }
        if (event.failed()) {
            LOG.warn(
                    "report {} of edition {} could not be rendered: {}", event.unit(), event.edition(), event.reason());
        } else if (!terminal) {
            long[] count = counts.computeIfAbsent(event.edition(), e -> new long[2]);
            count[0]++;
            if (count[1] > 0) {
                LOG.info("edition {}: {} rendered ({} of {})", event.edition(), event.unit(), count[0], count[1]);
            } else { // a worker renders partitions of an edition whose size only the manager knows
                LOG.info("edition {}: {} rendered", event.edition(), event.unit());
            }
        }
    }

    /** The bars end with the command. */
    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    public synchronized void closeAll() {
        closeIngest();
        rendering.values().forEach(ProgressBar::close);
        rendering.clear();
    }

    private void closeIngest() {
        if (ingest != null) {
            ingest.close();
            ingest = null;
        }
    }

    private static ProgressBar bar(String task, long max, String unit) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .continuousUpdate()
                .build();
    }
}
