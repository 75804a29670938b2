package com.partnernet.chaos;

/** Sends at a fixed rate, timed from the intended send moments so a slow broker does not slow the load down. */
public final class FixedRate {

    @FunctionalInterface
    public interface Send {
        void send(int index) throws Exception;
    }

    private FixedRate() {
    }

    /** @return the start ({@link System#nanoTime()}) the intended send moments count from */
    public static long run(int count, int perSecond, Send send) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = intended(start, i, perSecond) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send.send(i);
        }
        return start;
    }

    /** When send {@code index} was meant to go: what latencies count from, however late it went. */
    public static long intended(long start, int index, int perSecond) {
        return start + index * 1_000_000_000L / perSecond;
    }
}
