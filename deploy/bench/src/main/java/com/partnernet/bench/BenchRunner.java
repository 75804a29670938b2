package com.partnernet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.infrastructure.Infrastructure;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.token.Tokens;

/**
 * The benchmark: the packaged services on real PostgreSQL (durable, as a real server commits) and Kafka, measured
 * beside raw anchors on the same machine in one run. Prints a table and writes {@code deploy/bench/target/bench-report.json}.
 * {@code --smoke} runs every measurement at a tiny size (the test command does, so the harness cannot rot); its
 * figures prove the harness works, not the targets. {@code --ingestion} measures ingestion (and the footprint) only,
 * {@code --reads} the REST reads after the warm-up's leads only: quicker loops while working on one of them.
 */
public final class BenchRunner {

    /** How much of each measurement a run does. */
    record Sizes(boolean smoke, int partners, int shopsPerPartner, int warmUpLeads, int fixedRateLeads, int fixedRate,
            int flatOutLeads, int wins, int connections, Duration readWarmUp, Duration readMeasured, boolean stackStart) {

        static final Sizes FULL = new Sizes(false, 10, 4, 10_000, 15_000, 500, 20_000, 200, 50, Duration.ofSeconds(5),
                Duration.ofSeconds(20), true);
        static final Sizes SMOKE = new Sizes(true, 2, 2, 20, 100, 100, 200, 3, 4, Duration.ofMillis(300),
                Duration.ofSeconds(1), false);
    }

    /** What a run measures. */
    enum Part {
        ALL, INGESTION, READS;

        static Part of(List<String> args) {
            return args.contains("--ingestion") ? INGESTION : args.contains("--reads") ? READS : ALL;
        }
    }

    private static final List<Service> SERVICES = List.of(Service.PARTNERS, Service.LEADS, Service.TARGETS);

    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("partnernet.root", ".")).toAbsolutePath().normalize();
        Sizes sizes = List.of(args).contains("--smoke") ? Sizes.SMOKE : Sizes.FULL;
        Report report = run(root, sizes, "true".equals(System.getenv("BENCH_JFR")),
                "true".equals(System.getenv("BENCH_PG_STATEMENTS")), Part.of(List.of(args)));
        System.out.println(report.table());
        System.out.println("Report: " + report.write(root.resolve("deploy/bench/target/bench-report.json")));
    }

    /**
     * @param profile records each service with JFR into the bench's log folder
     * @param statements writes the statements that took PostgreSQL the most time under each load into the log folder
     * @param part all measurements, or those of ingestion or of the reads only
     */
    static Report run(Path root, Sizes sizes, boolean profile, boolean statements, Part part) throws Exception {
        Path logs = root.resolve("deploy/bench/target/bench-logs");
        List<String> jvmOptions = new ArrayList<>(Service.JVM_OPTIONS);
        // To try JVM flags on the services before they become the local run's (later flags win).
        String extraOptions = System.getenv().getOrDefault("BENCH_JVM_OPTIONS", "").strip();
        if (!extraOptions.isEmpty()) {
            jvmOptions.addAll(List.of(extraOptions.split("\\s+")));
        }
        if (profile) {
            Files.createDirectories(logs);
            jvmOptions.add("-XX:StartFlightRecording=settings=profile,filename=" + logs + "/");
        }
        Report report = new Report(sizes);
        Infrastructure.Settings infrastructure = Infrastructure.Settings.ephemeral(true);
        try (SystemUnderTest system = SystemUnderTest.start(root, logs,
                statements ? infrastructure.withStatementStatistics() : infrastructure, SERVICES, Map.of(), jvmOptions)) {
            StatementProfile statementProfile = new StatementProfile(system, statements, logs);
            Map<String, Long> pids = new LinkedHashMap<>();
            for (Service service : SERVICES) {
                pids.put(service.serviceName, system.pid(service.serviceName));
                report.readyIn(service, system.startedIn(service));
            }
            BenchNetwork network = BenchNetwork.create(system, sizes.partners(), sizes.shopsPerPartner());
            // Idle: after the start and the network's set-up have settled.
            Thread.sleep(sizes.smoke() ? 500 : 5_000);
            for (Service service : SERVICES) {
                report.idleRss(service, Footprint.rssMb(pids.get(service.serviceName)));
            }
            try (Footprint underLoad = new Footprint(pids)) {
                IngestionBench ingestion = new IngestionBench(system, network);
                // As the reads are: measured once the JIT has compiled the ingestion path (it competes for the same
                // two cores while it does).
                report.ingestion("warmUp", ingestion.run("bench-warm-up", sizes.warmUpLeads(), 0));
                if (part != Part.READS) {
                    statementProfile.begin();
                    IngestionBench.Result fixedRate = ingestion.run("bench-fixed", sizes.fixedRateLeads(), sizes.fixedRate());
                    report.ingestion("fixedRate", fixedRate);
                    IngestionBench.Result flatOut = ingestion.run("bench-flat", sizes.flatOutLeads(), 0);
                    report.ingestion("flatOut", flatOut);
                    statementProfile.end("ingestion");
                    long published = sizes.warmUpLeads() + sizes.fixedRateLeads() + sizes.flatOutLeads();
                    report.rawConsumer(new RawConsumer(system).run(published));
                    for (FairConsumer.Schema schema : FairConsumer.Schema.values()) {
                        statementProfile.begin();
                        report.fairConsumer(schema, new FairConsumer(system, root, schema, network.shops()).run(published));
                        statementProfile.end("fair-anchor-" + schema.database);
                    }
                    if (part == Part.INGESTION) {
                        report.peakRss(underLoad.peakMb());
                        return report;
                    }
                    report.wonToAttainment(new WonToAttainment(system).run(fixedRate.campaign(), sizes.wins()));
                }

                ReadLoad reads = new ReadLoad(system, sizes.connections(), sizes.readWarmUp(), sizes.readMeasured());
                List<UUID> shopIds = network.shops().stream().map(BenchNetwork.Shop::shopId).toList();
                List<UUID> partnerIds = network.shops().stream().map(BenchNetwork.Shop::partnerId).distinct().toList();
                List<String> pipelines = shopIds.stream().map(id -> "/shops/" + id + "/pipeline").toList();
                List<ReadLoad.SqlRead> pipelineSql = shopIds.stream().map(id -> new ReadLoad.SqlRead(PIPELINE_SQL, id)).toList();
                statementProfile.begin();
                ReadLoad.Result pipelineReads = reads.http(system.url(Service.LEADS), Tokens.SALES_MANAGER, pipelines);
                statementProfile.end("pipeline-reads");
                report.reads("pipeline", pipelineReads,
                        plainHttp(system, Service.LEADS, reads, pipelines, pipelineSql, sizes.connections()),
                        reads.jdbc(Service.LEADS, pipelineSql));
                List<String> lookups = new ArrayList<>();
                List<ReadLoad.SqlRead> lookupSql = new ArrayList<>();
                for (int i = 0; i < shopIds.size(); i++) {
                    UUID partnerId = partnerIds.get(i % partnerIds.size());
                    lookups.add("/shops/" + shopIds.get(i));
                    lookups.add("/partners/" + partnerId);
                    lookupSql.add(new ReadLoad.SqlRead(SHOP_SQL, shopIds.get(i)));
                    lookupSql.add(new ReadLoad.SqlRead(PARTNER_SQL, partnerId));
                }
                statementProfile.begin();
                ReadLoad.Result lookupReads = reads.http(system.url(Service.PARTNERS), Tokens.SALES_MANAGER, lookups);
                statementProfile.end("lookups");
                report.reads("partnerShopLookup", lookupReads,
                        plainHttp(system, Service.PARTNERS, reads, lookups, lookupSql, sizes.connections()),
                        reads.jdbc(Service.PARTNERS, lookupSql));
                report.peakRss(underLoad.peakMb());
            }
            if (part != Part.ALL) {
                return report;
            }
            // Last, as it restarts the services: each alone and the three at once, before and after AppCDS.
            List<StartUp.ClassData> classData = StartUp.archivesBuilt(root, SERVICES)
                    ? List.of(StartUp.ClassData.JDK_ONLY, StartUp.ClassData.APPLICATION) : List.of(StartUp.ClassData.JDK_ONLY);
            report.startUp(new StartUp(system, SERVICES, sizes.smoke() ? Duration.ofMillis(500) : Duration.ofSeconds(5),
                    !sizes.smoke()).run(sizes.smoke() ? classData.subList(classData.size() - 1, classData.size()) : classData));
        }
        if (sizes.stackStart() && part == Part.ALL) {
            report.stackStart(new StackStart(root, logs.resolve("stack.log")).measure());
        }
        return report;
    }

    /** The same load against the plain HTTP anchor serving the same paths with the same SQL. */
    private static ReadLoad.Result plainHttp(SystemUnderTest system, Service service, ReadLoad reads, List<String> paths,
            List<ReadLoad.SqlRead> sql, int connections) throws Exception {
        try (PlainHttpAnchor anchor = new PlainHttpAnchor(system, service, PlainHttpAnchor.byPath(paths, sql), connections)) {
            return reads.http(anchor.url(), Tokens.SALES_MANAGER, paths);
        }
    }

    /**
     * What {@code GET /shops/{id}/pipeline} reads (PipelineService, LeadStatistics): the shop, its kept counts per stage
     * with the ages of its open leads, its overdue leads, a page of its leads (the service's queries, the database's
     * clock).
     */
    static final List<String> PIPELINE_SQL = List.of(
            "select * from routing_shop where shop_id = ?",
            """
            select stage.status, stage.leads, (extract(epoch from now()) - stage.assigned_seconds / stage.leads) / 60,
                   coalesce(floor(extract(epoch from (now() - (
                       select min(oldest.assigned_at) from lead oldest
                       where oldest.shop_id = stage.shop_id and oldest.status = stage.status
                         and oldest.status in ('NEW', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT')))) / 60), 0),
                   recent.within1Day, recent.within3Days, recent.within7Days
            from shop_pipeline_stage stage
            cross join lateral (
                select count(*) filter (where assigned_at > now() - interval '24 hours') as within1Day,
                       count(*) filter (where assigned_at > now() - interval '72 hours') as within3Days,
                       count(*) as within7Days
                from lead
                where shop_id = stage.shop_id and status = stage.status
                  and status in ('NEW', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT')
                  and assigned_at > now() - interval '168 hours') recent
            where stage.shop_id = ? and stage.leads > 0""",
            "select count(*) from lead where shop_id = ? and status in ('NEW', 'ACCEPTED') and sla_due_at < now()",
            "select * from lead where shop_id = ? order by received_at desc, id limit 20");

    /** What {@code GET /partners/{id}} reads. */
    static final List<String> PARTNER_SQL = List.of("select * from partner where id = ?");

    /** What {@code GET /shops/{id}} reads: the shop row and its collections. */
    static final List<String> SHOP_SQL = List.of(
            "select * from shop where id = ?",
            "select * from shop_segment where shop_id = ?",
            "select * from shop_product_line where shop_id = ?",
            "select * from shop_catchment where shop_id = ?",
            "select * from shop_opening_hours where shop_id = ?");
}
