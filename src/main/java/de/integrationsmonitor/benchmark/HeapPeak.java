package de.integrationsmonitor.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak heap in use while something runs, measured two ways and the larger kept: a thread samples
 * {@code MemoryMXBean} heap usage every 10 ms, and every garbage collection reports (by its JMX notification) the
 * heap in use just before it collected, which is the top of each saw tooth the sampler may miss. Starts after a
 * {@code System.gc()}, so what an earlier measurement left behind does not count. Also the largest heap in use
 * just after a collection, closer to what the work holds.
 */
final class HeapPeak implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final Thread sampler;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener;
    private volatile boolean running = true;

    private HeapPeak() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        listener = (Notification n, Object handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                        .filter(e -> heapPools.contains(e.getKey()))
                        .map(java.util.Map.Entry::getValue)
                        .mapToLong(MemoryUsage::getUsed)
                        .sum();
                peak.accumulateAndGet(before, Math::max);
                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapPools.contains(e.getKey()))
                        .map(java.util.Map.Entry::getValue)
                        .mapToLong(MemoryUsage::getUsed)
                        .sum();
                live.accumulateAndGet(after, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(
                () -> {
                    while (running) {
                        peak.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "imon-heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapPeak start() {
        System.gc();
        return new HeapPeak();
    }

    /** The peak in bytes so far. */
    long bytes() {
        return peak.get();
    }

    /**
     * The largest heap in use just after a garbage collection so far, in bytes: what the work kept (plus garbage
     * of the old generation not collected yet), which does not depend on how late the collector runs the way the
     * peak does. Zero when no collection ran.
     */
    long liveBytes() {
        return live.get();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
