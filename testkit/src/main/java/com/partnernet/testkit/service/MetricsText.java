package com.partnernet.testkit.service;

/**
 * A service's {@code /q/metrics} text read as Prometheus reads it. A sample line is its series, its value and, since
 * the services trace, possibly an exemplar ({@code # {span_id="…",trace_id="…"} 1.0 1796232368.647}: the trace a
 * counted event happened in) — which is not the value.
 */
public final class MetricsText {

    private MetricsText() {
    }

    /** The value of {@code series} (e.g. {@code partnernet_leads_pipeline{stage="NEW"}}), 0 while it is not there. */
    public static double value(String metrics, String series) {
        return metrics.lines().filter(line -> !line.startsWith("#")).map(MetricsText::withoutExemplar)
                .filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }

    /** The series of a sample line (its name and labels), or null for a comment or blank line. */
    public static String series(String line) {
        if (line.startsWith("#") || line.isBlank()) {
            return null;
        }
        String sample = withoutExemplar(line);
        return sample.substring(0, sample.lastIndexOf(' '));
    }

    /** The value of a sample line. */
    public static double sampleValue(String line) {
        String sample = withoutExemplar(line);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    private static String withoutExemplar(String line) {
        int exemplar = line.indexOf(" # ");
        return exemplar < 0 ? line : line.substring(0, exemplar);
    }
}
