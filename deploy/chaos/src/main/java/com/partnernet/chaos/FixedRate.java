package com.partnernet.chaos;

/** Sends at a fixed rate, timed from the intended send moments so a slow broker does not slow the load down. */
final class FixedRate {

    @FunctionalInterface
    interface Send {
        void send(int index) throws Exception;
    }

    private FixedRate() {
    }

    static void run(int count, int perSecond, Send send) throws Exception {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < count; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send.send(i);
        }
    }
}
