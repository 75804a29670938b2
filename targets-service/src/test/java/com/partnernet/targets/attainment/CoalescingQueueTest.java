package com.partnernet.targets.attainment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CoalescingQueueTest {

    @Test
    void whatIsAskedForWhileARunOfItsKeyWaitsRunsOnceAfterIt() throws InterruptedException {
        CoalescingQueue<String> queue = new CoalescingQueue<>("coalescing-test");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        queue.submit("blocker", () -> {
            running.countDown();
            await(release);
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        for (int sale = 0; sale < 1000; sale++) {
            for (String key : List.of("partner-a", "partner-b")) {
                queue.submit(key, () -> runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet());
            }
        }
        CountDownLatch drained = new CountDownLatch(1);
        queue.submit("last", drained::countDown);
        release.countDown();
        assertTrue(drained.await(5, TimeUnit.SECONDS));
        assertEquals(1, runs.get("partner-a").get());
        assertEquals(1, runs.get("partner-b").get());

        // Asked for while its key's run is under way: that run may have read too early, so it runs again.
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        AtomicInteger again = new AtomicInteger();
        queue.submit("partner-a", () -> {
            again.incrementAndGet();
            first.countDown();
            await(second);
        });
        assertTrue(first.await(5, TimeUnit.SECONDS));
        CountDownLatch done = new CountDownLatch(1);
        queue.submit("partner-a", () -> {
            again.incrementAndGet();
            done.countDown();
        });
        second.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(2, again.get());
        queue.close();
        // A sale committing while the service stops: its review is left to the next start's, not an exception.
        queue.submit("partner-a", again::incrementAndGet);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
