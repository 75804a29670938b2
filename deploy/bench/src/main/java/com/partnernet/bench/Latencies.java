package com.partnernet.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Recorded latencies (HdrHistogram, microsecond resolution up to a minute) and their percentiles in milliseconds. */
final class Latencies {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), Math.max(0, nanos / 1_000)));
    }

    synchronized void add(Latencies other) {
        histogram.add(other.histogram);
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized double percentileMs(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    synchronized double maxMs() {
        return histogram.getMaxValue() / 1_000.0;
    }

    /** p50, p95, p99 and max in milliseconds, for the report. */
    Map<String, Double> summary() {
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("p50Ms", percentileMs(50));
        summary.put("p95Ms", percentileMs(95));
        summary.put("p99Ms", percentileMs(99));
        summary.put("maxMs", maxMs());
        return summary;
    }
}
