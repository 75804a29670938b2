package com.partnernet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Resident memory of processes (Linux's VmRSS), now or the peak sampled while a load runs. */
final class Footprint implements AutoCloseable {

    private final Map<String, Long> pids;
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean sampling = true;

    /** Starts sampling the processes ({@code pids} by name) every 200 ms. */
    Footprint(Map<String, Long> pids) {
        this.pids = pids;
        sampler = new Thread(() -> {
            while (sampling) {
                pids.forEach((name, pid) -> peakKb.merge(name, rssKb(pid), Math::max));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The peak RSS in MB per process since sampling started. */
    Map<String, Double> peakMb() {
        Map<String, Double> peaks = new LinkedHashMap<>();
        pids.keySet().forEach(name -> peaks.put(name, peakKb.getOrDefault(name, 0L) / 1024.0));
        return peaks;
    }

    static double rssMb(long pid) {
        return rssKb(pid) / 1024.0;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // The process ended: nothing resident.
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        sampling = false;
        sampler.interrupt();
        sampler.join();
    }
}
