package com.partnernet.chassis.shutdown;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * A stop that hands the work over instead of failing it. Quarkus closes the persistence unit early in its shutdown,
 * while the Kafka connector still hands records to consumers until the CDI container goes: a poll begun in between
 * fails against the closed persistence unit, is retried until the worker threads are interrupted and then
 * dead-lettered — good leads in the DLQ on every deploy, and a stop of 20 s. So, first of all shutdown observers,
 * with the database still open: pause every incoming channel (the records not handed out stay uncommitted and go to
 * whoever takes the partitions over), pause the scheduled jobs, and wait until the {@link Drained} work in hand has
 * ended, at most {@link DrainConfig#timeout()}. The connector's own grace (which sleeps and then waits for records
 * that no one will process any more) is off: {@code graceful-shutdown=false} in the chassis defaults.
 */
@ApplicationScoped
public class Drain {

    private final ChannelRegistry channels;
    private final Scheduler scheduler;
    private final DrainConfig config;
    /** {@link Drained} runs begun and not yet ended; guarded by this. */
    private int inHand;
    private volatile boolean stopping;

    public Drain(ChannelRegistry channels, Scheduler scheduler, DrainConfig config) {
        this.channels = channels;
        this.scheduler = scheduler;
        this.config = config;
    }

    /**
     * Whether the service is stopping: a job working through a backlog ends with the batch in hand (the next run, on
     * this instance or another, takes the rest), so that the drain waits for a batch, not for the backlog.
     */
    public boolean stopping() {
        return stopping;
    }

    synchronized void began() {
        inHand++;
    }

    synchronized void ended() {
        inHand--;
        if (inHand == 0) {
            notifyAll();
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) throws InterruptedException {
        long start = System.nanoTime();
        stopping = true;
        List<PausableChannel> incoming = channels.getIncomingNames().stream().map(channels::getPausable)
                .filter(Objects::nonNull).toList();
        incoming.forEach(PausableChannel::pause);
        scheduler.pause();
        int left = awaitNoneInHand(config.timeout());
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (left > 0) {
            Log.warnf("Stopping: %d run(s) still in hand after %d ms (retrying a passing failure?); what they hold may be"
                    + " dead-lettered when the stop interrupts them", left, took);
        } else {
            Log.infof("Stopping: %d channel(s) and the scheduled jobs paused, the work in hand ended within %d ms",
                    incoming.size(), took);
        }
    }

    /** Waits until no {@link Drained} run is in hand or {@code timeout} passed; returns how many still are. */
    private synchronized int awaitNoneInHand(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inHand > 0) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return inHand;
    }
}
