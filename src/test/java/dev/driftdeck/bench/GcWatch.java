package dev.driftdeck.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/** Every GC while it watches: how many, how long, and the heap before and after each (the peak live data). */
final class GcWatch {

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong millis = new AtomicLong();
    private final AtomicLong maxBefore = new AtomicLong();
    private final AtomicLong maxAfter = new AtomicLong();
    private final List<Runnable> removals = new ArrayList<>();

    static GcWatch start() {
        GcWatch watch = new GcWatch();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) bean;
            NotificationListener listener = watch::onGc;
            emitter.addNotificationListener(listener, null, null);
            watch.removals.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (Exception ignored) {
                    // already gone
                }
            });
        }
        return watch;
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        count.incrementAndGet();
        millis.addAndGet(info.getDuration());
        maxBefore.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
        maxAfter.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
    }

    /** Heap pools only (G1 Eden, Survivor, Old Gen); code cache and metaspace are not heap. */
    private static long heap(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream()
                .filter(e -> e.getKey().contains("Eden") || e.getKey().contains("Survivor") || e.getKey().contains("Old"))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    void stop() {
        removals.forEach(Runnable::run);
    }

    long count() {
        return count.get();
    }

    long millis() {
        return millis.get();
    }

    long maxBefore() {
        return maxBefore.get();
    }

    long maxAfter() {
        return maxAfter.get();
    }
}
