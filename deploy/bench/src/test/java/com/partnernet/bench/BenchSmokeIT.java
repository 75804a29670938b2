package com.partnernet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chaos.SystemUnderTest;

/**
 * The benchmark at its smoke sizes, so the harness keeps working: every measurement runs against the real system and
 * yields figures (whether they meet the targets is the full run's question: deploy/bench/run).
 */
class BenchSmokeIT {

    private static final Path ROOT = Path.of(System.getProperty("partnernet.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyMeasurementOfTheBenchmarkRunsAndIsReported() throws Exception {
        BenchRunner.Sizes sizes = BenchRunner.Sizes.SMOKE;
        Path logs = ROOT.resolve("deploy/bench/target/bench-logs");
        for (String load : List.of("ingestion", "pipeline-reads", "lookups")) {
            Files.deleteIfExists(logs.resolve("pg-statements-" + load + ".txt"));
        }
        Report report = BenchRunner.run(ROOT, sizes, false, true, BenchRunner.Part.ALL);
        JsonNode json = SystemUnderTest.JSON.readTree(report.write(ROOT.resolve("deploy/bench/target/bench-smoke-report.json")).toFile());

        for (String service : List.of("partners-service", "leads-service", "targets-service")) {
            assertTrue(json.path("readySeconds").path(service).asDouble() > 0, service + " ready time");
            assertTrue(json.path("idleRssMb").path(service).asDouble() > 50, service + " idle RSS");
            assertTrue(json.path("peakRssMbUnderLoad").path(service).asDouble() > 50, service + " RSS under load");
        }
        assertEquals(sizes.warmUpLeads(), json.path("ingestion").path("warmUp").path("assigned").asInt(), "warm-up assigned");
        JsonNode fixedRate = json.path("ingestion").path("fixedRate");
        assertEquals(sizes.fixedRateLeads(), fixedRate.path("assigned").asInt(), "every lead at a fixed rate assigned");
        assertTrue(fixedRate.path("latencyFromIntendedSend").path("p99Ms").asDouble() > 0);
        assertEquals(sizes.fixedRateLeads(), fixedRate.path("intakes").asLong(), "leads-service's intake histogram read");
        double within100 = fixedRate.path("intakeCommittedWithinSeconds").path("0.1").asDouble(-1);
        double within500 = fixedRate.path("intakeCommittedWithinSeconds").path("0.5").asDouble(-1);
        assertTrue(0 <= within100 && within100 <= within500 && within500 <= 1, fixedRate.toString());
        JsonNode flatOut = json.path("ingestion").path("flatOut");
        assertEquals(sizes.flatOutLeads(), flatOut.path("assigned").asInt(), "every lead flat out assigned");
        assertTrue(flatOut.path("leadsPerSecond").asDouble() > 0);
        assertEquals(sizes.warmUpLeads() + sizes.fixedRateLeads() + sizes.flatOutLeads(), json.path("rawConsumer").path("rows").asLong(),
                "the raw consumer inserted every record of the topic");
        assertTrue(json.path("ingestionRatioToRaw").asDouble() > 0);
        assertEquals(sizes.warmUpLeads() + sizes.fixedRateLeads() + sizes.flatOutLeads(),
                json.path("fairConsumer").path("leads").asLong(), "the fair consumer did every lead's durable work");
        assertTrue(json.path("ingestionRatioToFair").asDouble() > 0);
        assertEquals(sizes.warmUpLeads() + sizes.fixedRateLeads() + sizes.flatOutLeads(),
                json.path("fairConsumerServiceSchema").path("leads").asLong(), "the fair consumer did it in the service's schema");
        assertTrue(json.path("ingestionRatioToFairServiceSchema").asDouble() > 0);
        assertTrue(json.path("wonToAttainment").path("p99Ms").asDouble() > 0);
        for (String reads : List.of("pipeline", "partnerShopLookup")) {
            JsonNode section = json.path("reads").path(reads);
            assertTrue(section.path("requests").asLong() > 0, reads + " requests");
            assertEquals(0, section.path("errors").asLong(), reads + " answered 200 each time");
            assertTrue(section.path("jdbcPerSecond").asDouble() > 0, reads + " JDBC anchor");
            assertTrue(section.path("plainHttpPerSecond").asDouble() > 0, reads + " plain HTTP anchor");
            assertEquals(0, section.path("plainHttpErrors").asLong(), reads + ": the plain HTTP anchor answered each time");
        }
        JsonNode together = json.path("startUp").path("together");
        JsonNode started = together.has("application") ? together.path("application") : together.path("jdk_only");
        for (String service : List.of("partners-service", "leads-service", "targets-service")) {
            assertTrue(started.path(service).path("readySeconds").asDouble() > 0, service + " restarted with the others");
            assertTrue(started.path(service).path("idleRssMb").asDouble() > 50, service + " RSS after the restart");
        }
        assertTrue(report.table().contains("Won → attainment visible"), report.table());
        // PostgreSQL's statement statistics of each load: leads-service's intake writes its leads, the reads read them.
        assertTrue(Files.readString(logs.resolve("pg-statements-ingestion.txt")).contains("insert into lead "));
        assertTrue(Files.readString(logs.resolve("pg-statements-pipeline-reads.txt")).contains("shop_pipeline_stage"));
        assertTrue(Files.readAllLines(logs.resolve("pg-statements-lookups.txt")).stream().anyMatch(line -> line.startsWith("partners ")));
    }
}
