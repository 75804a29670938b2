package com.partnernet.targets.attainment;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs work one task at a time on a thread of its own, at most one queued task per key: a task asked for while one
 * with its key waits is dropped, as the waiting one will see everything the dropped one would have (a review reads
 * the sales committed when it begins). A batch of a thousand sales of one partner and line is reviewed once or
 * twice, not a thousand times.
 */
final class CoalescingQueue<K> {

    private final Set<K> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService thread;

    CoalescingQueue(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, threadName);
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Queues {@code task} unless one for {@code key} waits already; nothing once {@link #close()}d. */
    void submit(K key, Runnable task) {
        if (thread.isShutdown() || !waiting.add(key)) {
            return;
        }
        try {
            thread.execute(() -> {
                // Off the waiting list as it begins: what commits from now on needs a run of its own.
                waiting.remove(key);
                task.run();
            });
        } catch (RejectedExecutionException closing) {
            waiting.remove(key);
        }
    }

    /** Drops the waiting tasks; the one running, if any, ends on its own. */
    void close() {
        thread.shutdownNow();
    }
}
