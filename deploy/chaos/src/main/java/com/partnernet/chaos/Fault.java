package com.partnernet.chaos;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fault injected while a load runs; it notes what it did (or failed to do) in {@code faults}. */
@FunctionalInterface
interface Fault {

    void inject(List<String> faults) throws Exception;

    /** The load a fault runs beside. */
    @FunctionalInterface
    interface Load {
        void run() throws Exception;
    }

    /** Runs {@code load} while the fault is injected beside it, waits for both; returns what the fault noted. */
    default List<String> beside(Load load) throws Exception {
        List<String> faults = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> injected = CompletableFuture.runAsync(() -> {
            try {
                inject(faults);
            } catch (Exception e) {
                throw new IllegalStateException("Injecting the fault failed", e);
            }
        });
        load.run();
        injected.get();
        return List.copyOf(faults);
    }
}
