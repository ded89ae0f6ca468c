package dev.driftdeck.notify;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.NotificationSettings;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.StoredScan;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification rules over the stored channels: new and resolved drift when a scan is stored, a failed job, no
 * successful scan for N hours, the digest, quiet hours. The same in the console and in {@code serve}. Every entry
 * point is safe on any thread and never throws to its caller (a scan or the scheduler): a failure is logged and
 * lands in the delivery history. The caller runs it off the scan's thread ({@link NotifierThread}).
 *
 * <p>Quiet hours hold drift: a scan stored during them is not compared with what was announced; the first check
 * after they end compares the newest scan, so drift still there is announced then, and drift that came and went in
 * the night is not news. A failed job or a stale scan in quiet hours is dropped with a DROPPED row in the history.
 */
public final class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    /** When a due digest goes out, in local time (the rules editor names it). */
    public static final LocalTime DIGEST_TIME = LocalTime.of(8, 0);

    private final NotificationRepository repository;
    private final ScanRepository scans;
    private final SecretFile secrets;
    private final Channels channels;
    private final Clock clock;
    private final Supplier<Severity> floor;
    private final Set<String> failingJobs = ConcurrentHashMap.newKeySet();
    private volatile boolean held;
    private volatile Long staleAnnouncedFor;

    /**
     * @param floor the least severe new drift to announce (the console's "Notify about new drift"), null for any
     */
    public Notifier(NotificationRepository repository, ScanRepository scans, SecretFile secrets, Channels channels,
                    Clock clock, Supplier<Severity> floor) {
        this.repository = repository;
        this.scans = scans;
        this.secrets = secrets;
        this.channels = channels;
        this.clock = clock;
        this.floor = floor;
    }

    /** A scan was stored: announce its new and resolved drift (or hold them in quiet hours). */
    public synchronized void scanStored(long scanId) {
        guarded("scan " + scanId, () -> {
            NotificationSettings settings = repository.settings();
            if (quiet(settings)) {
                held = true;
                log.info("Scan {} stored in quiet hours: its drift is announced when they end", scanId);
                return;
            }
            scans.load(scanId).ifPresent(report -> announce(report, settings));
        });
    }

    /** The scheduler's statuses: the first failure of a job (until it succeeds again) is announced. */
    public synchronized void statuses(List<JobStatus> statuses) {
        guarded("job statuses", () -> {
            for (JobStatus status : statuses) {
                JobRun run = status.lastRun();
                if (run == null || run.outcome() == null) {
                    continue;
                }
                boolean failed = run.outcome() == RunOutcome.FAILED || run.outcome() == RunOutcome.TIMED_OUT;
                if (!failed) {
                    failingJobs.remove(status.job());
                } else if (failingJobs.add(status.job())) {
                    NotificationSettings settings = repository.settings();
                    if (settings.jobFailures()) {
                        deliverOrDrop(Notices.jobFailed(status.job(), run.error(), clock.instant()), settings);
                    }
                }
            }
        });
    }

    /** The periodic check (every minute): held drift after quiet hours, a stale scan, a due digest. */
    public synchronized void tick() {
        guarded("the periodic check", () -> {
            NotificationSettings settings = repository.settings();
            if (quiet(settings)) {
                return;
            }
            if (held) {
                held = false;
                scans.latest().ifPresent(latest -> announce(latest.report(), settings));
            }
            checkStale(settings);
            checkDigest(settings);
        });
    }

    /** "Send a test message" to one stored channel; the result is also in the history. */
    public DeliveryRecord sendTest(NotificationChannel channel) {
        return deliver(channel, Notices.test(channel.name(), clock.instant()));
    }

    private void announce(ScanReport report, NotificationSettings settings) {
        DriftLedger.Changes changes = DriftLedger.compare(report.findings(), repository.sentDrift(), floor.get(),
                clock.instant());
        if (changes.isEmpty()) {
            return;
        }
        // Remembered first: a delivery that fails is in the history, and is not retried on every later scan.
        repository.recordAnnounced(changes.remember(), changes.resolvedKeys());
        if (!changes.newDrift().isEmpty()) {
            deliverAll(Notices.newDrift(changes.newDrift(), clock.instant()));
        }
        if (!changes.resolved().isEmpty() && settings.resolved()) {
            deliverAll(Notices.resolved(changes.resolved(), clock.instant()));
        }
    }

    private void checkStale(NotificationSettings settings) {
        if (settings.staleHours() == 0) {
            return;
        }
        scans.latest().ifPresent(latest -> {
            Instant last = latest.report().finishedAt();
            boolean stale = Duration.between(last, clock.instant()).compareTo(Duration.ofHours(settings.staleHours())) >= 0;
            if (stale && !Long.valueOf(latest.id()).equals(staleAnnouncedFor)) {
                staleAnnouncedFor = latest.id();
                deliverAll(Notices.stale(last, settings.staleHours(), clock.instant()));
            }
        });
    }

    private void checkDigest(NotificationSettings settings) {
        if (settings.digest() == NotificationSettings.Digest.OFF) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        ZonedDateTime slot = now.with(DIGEST_TIME);
        if (settings.digest() == NotificationSettings.Digest.WEEKLY) {
            slot = slot.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (slot.isAfter(now)) {
            slot = settings.digest() == NotificationSettings.Digest.WEEKLY ? slot.minusWeeks(1) : slot.minusDays(1);
        }
        if (settings.lastDigestAt() != null && !settings.lastDigestAt().isBefore(slot.toInstant())) {
            return;
        }
        repository.recordDigestSent(clock.instant());
        scans.latest().ifPresent(latest -> deliverAll(digest(settings.digest(), latest)));
    }

    /** The digest of the newest scan's drift, worst first. */
    public Notice digest(NotificationSettings.Digest period, StoredScan latest) {
        List<DriftItem> items = new ArrayList<>();
        for (Finding finding : latest.report().findings()) {
            if (DriftLedger.isDrift(finding.status())) {
                items.add(DriftItem.of(finding));
            }
        }
        items.sort(Notices.bySeverity());
        String name = period == NotificationSettings.Digest.WEEKLY ? "Weekly" : "Daily";
        return Notices.digest(name, items, latest.report().finishedAt(), clock.instant());
    }

    private void deliverOrDrop(Notice notice, NotificationSettings settings) {
        if (!quiet(settings)) {
            deliverAll(notice);
            return;
        }
        for (NotificationChannel channel : repository.channels()) {
            repository.recordDelivery(new DeliveryRecord(0, clock.instant(), channel.id(), channel.name(),
                    notice.rule().name(), "DROPPED", 0, notice.title(), "quiet hours"));
        }
    }

    private void deliverAll(Notice notice) {
        for (NotificationChannel channel : repository.channels()) {
            deliver(channel, notice);
        }
    }

    private DeliveryRecord deliver(NotificationChannel channel, Notice notice) {
        String outcome = "SENT";
        int attempts = 0;
        String error = null;
        try {
            Target target = secrets.get(channel.secretRef()).orElseThrow(() -> new DeliveryException(
                    "The secret of channel '" + channel.name() + "' is not in " + secrets.path()
                            + " (another machine's data directory?): remove the channel and add it again", 0, null));
            attempts = channels.send(target, notice);
        } catch (DeliveryException e) {
            outcome = "FAILED";
            attempts = e.attempts();
            error = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "FAILED";
            error = "stopped while sending (Driftdeck was closing)";
        } catch (RuntimeException e) {
            outcome = "FAILED";
            error = e.getMessage();
        }
        if (error != null) {
            log.warn("Notification '{}' to {} failed: {}", notice.title(), channel.name(), error);
        }
        return repository.recordDelivery(new DeliveryRecord(0, clock.instant(), channel.id(), channel.name(),
                notice.rule().name(), outcome, attempts, notice.title(), error));
    }

    private boolean quiet(NotificationSettings settings) {
        return new QuietHours(settings.quietFrom(), settings.quietTo()).contains(clock.instant().atZone(clock.getZone()));
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Notifications for {} failed; the scan and the scheduler carry on", what, e);
        }
    }
}
