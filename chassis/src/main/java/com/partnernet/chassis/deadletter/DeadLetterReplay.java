package com.partnernet.chassis.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import picocli.CommandLine;

/**
 * Sends dead-lettered records back to the topic they came from, once their cause is fixed (a lead refused for an
 * unknown campaign is valid the moment marketing creates it): with their original key, value and headers (trace
 * context included), without the dead-letter headers, marked {@value #REPLAYED_FROM_HEADER}. Each record at most once:
 * the replay and its entry in the ledger topic {@value #LEDGER_TOPIC} (key: dead-letter topic/partition/offset) are
 * written in one Kafka transaction, and a record in the ledger is never replayed again. Consumers are idempotent, so
 * a replayed record that had got through after all changes nothing.
 * <p>
 * An ops tool, not part of a service: {@code java -cp "<a service's lib/main>/*" } this class {@code TOPIC [--reason
 * TEXT] [--since TIME] [--dry-run]} — the local run's {@code stack replay-dlq} and the Kubernetes Job run it so. Kafka
 * settings come from the environment as the services take them ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code KAFKA_SASL_JAAS_CONFIG}, …). It prints what it replayed, skipped and why; never a record's value (leads hold
 * personal data).
 */
public final class DeadLetterReplay implements AutoCloseable {

    public static final String LEDGER_TOPIC = "partnernet.dead-letter-replays";
    public static final String TRANSACTIONAL_ID = "ops-dead-letter-replay";
    /** Where a replayed record was dead-lettered: {@code topic/partition/offset}. */
    public static final String REPLAYED_FROM_HEADER = "partnernet-replayed-from";
    /** SmallRye's dead-letter headers: the source topic, the reason, and the rest of the dead-lettering's details. */
    static final String DEAD_LETTER_PREFIX = "dead-letter-";
    static final String SOURCE_TOPIC_HEADER = "dead-letter-topic";
    static final String REASON_HEADER = "dead-letter-reason";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final int PER_TRANSACTION = 100;

    /**
     * What to replay.
     *
     * @param reason only records whose dead-letter reason contains this text; null: any
     * @param since only records dead-lettered from then on; null: all the topic holds
     * @param dryRun say what would be replayed, replay nothing
     */
    public record Options(String topic, String reason, Instant since, boolean dryRun) {

        /** The command line's options; a {@link CommandLine.ParameterException} saying what is wrong. */
        public static Options parse(String... args) {
            Command command = new Command();
            new CommandLine(command).parseArgs(args);
            return command.options();
        }
    }

    /** The command line of the replay (picocli): usage, {@code --help} and the checks of its arguments. */
    @CommandLine.Command(name = "replay-dlq", sortOptions = false,
            description = "Re-publishes a dead-letter topic's records to the topic they came from, each at most once "
                    + "(a ledger on " + LEDGER_TOPIC + " remembers), and prints what it replayed and skipped. Kafka's "
                    + "settings come from the environment: KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL, "
                    + "KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG, ...")
    static final class Command implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @CommandLine.Parameters(paramLabel = "TOPIC", description = "the dead-letter topic (*.dlq)")
        String topic;

        @CommandLine.Option(names = "--reason", paramLabel = "TEXT",
                description = "only records whose dead-letter reason contains TEXT")
        String reason;

        @CommandLine.Option(names = "--since", paramLabel = "TIME", converter = IsoInstant.class,
                description = "only records dead-lettered from TIME on (an ISO instant, e.g. 2026-12-02T08:00:00Z)")
        Instant since;

        @CommandLine.Option(names = "--dry-run", description = "say what would be replayed, replay nothing")
        boolean dryRun;

        Options options() {
            if (!topic.endsWith(".dlq")) {
                throw new CommandLine.ParameterException(spec.commandLine(), topic + " is no dead-letter topic (*.dlq)");
            }
            return new Options(topic, reason, since, dryRun);
        }

        /** An ISO instant, or a message saying the text is none. */
        static final class IsoInstant implements CommandLine.ITypeConverter<Instant> {

            @Override
            public Instant convert(String text) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException(text + " is no ISO instant");
                }
            }
        }

        @Override
        public Integer call() {
            Options options = options();
            try (DeadLetterReplay replay = new DeadLetterReplay(kafkaSettings(System.getenv()))) {
                replay.run(options, System.out::println);
            }
            return 0;
        }
    }

    /**
     * @param skipped per reason of skipping, how many records
     */
    public record Report(int replayed, Map<String, Integer> skipped) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Object> producerConfig;

    /** @param kafka the clients' settings: bootstrap servers and, in a cluster, security */
    public DeadLetterReplay(Map<String, Object> kafka) {
        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producerConfig = new HashMap<>(kafka);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    }

    /** Exits 0 when done, 2 on a wrong command line (with what is wrong and the usage). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Command()).execute(args));
    }

    /** The Kafka settings of the environment, named as the services take them: KAFKA_SASL_JAAS_CONFIG → sasl.jaas.config. */
    public static Map<String, Object> kafkaSettings(Map<String, String> environment) {
        Map<String, Object> settings = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                settings.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        if (!settings.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("KAFKA_BOOTSTRAP_SERVERS is not set");
        }
        return settings;
    }

    /** Reads the dead-letter topic to its current end, replays what the options select and prints each record's fate. */
    public Report run(Options options, Consumer<String> print) {
        Set<String> replayedBefore = ledger(options.topic());
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        Map<String, Integer> skipped = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : read(options)) {
            String id = id(record);
            String reason = header(record, REASON_HEADER);
            String skip = replayedBefore.contains(id) ? "replayed before"
                    : header(record, SOURCE_TOPIC_HEADER) == null ? "no " + SOURCE_TOPIC_HEADER + " header"
                    : options.reason() != null && (reason == null || !reason.contains(options.reason())) ? "another reason"
                    : null;
            if (skip != null) {
                skipped.merge(skip, 1, Integer::sum);
                print.accept("skipped  " + id + ": " + skip + (skip.equals("another reason") ? " (" + reason + ")" : ""));
            } else {
                chosen.add(record);
                print.accept((options.dryRun() ? "would replay " : "replaying ") + id + " to "
                        + header(record, SOURCE_TOPIC_HEADER) + " (dead-lettered: " + reason + ")");
            }
        }
        if (!options.dryRun() && !chosen.isEmpty()) {
            replay(chosen);
        }
        int replayed = options.dryRun() ? 0 : chosen.size();
        print.accept((options.dryRun() ? "dry run: would replay " + chosen.size() : "replayed " + replayed) + " of "
                + options.topic() + ", skipped " + skipped.values().stream().mapToInt(Integer::intValue).sum()
                + (skipped.isEmpty() ? "" : " " + skipped));
        return new Report(replayed, skipped);
    }

    /** Each chosen record to its source topic and into the ledger, in transactions: all of a batch or none. */
    private void replay(List<ConsumerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (int from = 0; from < records.size(); from += PER_TRANSACTION) {
                producer.beginTransaction();
                for (ConsumerRecord<byte[], byte[]> record : records.subList(from, Math.min(records.size(), from + PER_TRANSACTION))) {
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith(DEAD_LETTER_PREFIX)) {
                            headers.add(header);
                        }
                    }
                    String id = id(record);
                    headers.add(REPLAYED_FROM_HEADER, id.getBytes(StandardCharsets.UTF_8));
                    producer.send(new ProducerRecord<>(header(record, SOURCE_TOPIC_HEADER), null, record.key(), record.value(), headers));
                    producer.send(new ProducerRecord<>(LEDGER_TOPIC, id.getBytes(StandardCharsets.UTF_8),
                            Instant.now().toString().getBytes(StandardCharsets.UTF_8)));
                }
                producer.commitTransaction();
            }
        }
    }

    /** The ids of the topic's records replayed before. */
    private Set<String> ledger(String topic) {
        Set<String> ids = new HashSet<>();
        List<TopicPartition> partitions = partitions(LEDGER_TOPIC);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        for (ConsumerRecord<byte[], byte[]> record : readToEnd(partitions)) {
            String id = new String(record.key(), StandardCharsets.UTF_8);
            if (id.startsWith(topic + "/")) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The dead-letter topic's records, from {@code since} (or its start) to its end as of now. */
    private List<ConsumerRecord<byte[], byte[]>> read(Options options) {
        List<TopicPartition> partitions = partitions(options.topic());
        consumer.assign(partitions);
        if (options.since() == null) {
            consumer.seekToBeginning(partitions);
        } else {
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(partition -> times.put(partition, options.since().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            partitions.forEach(partition -> consumer.seek(partition,
                    found.get(partition) != null ? found.get(partition).offset() : ends.get(partition)));
        }
        return readToEnd(partitions);
    }

    private List<ConsumerRecord<byte[], byte[]>> readToEnd(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("did not reach the end of " + partitions + " within " + DEADLINE);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private List<TopicPartition> partitions(String topic) {
        var info = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (info == null || info.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        return info.stream().map(partition -> new TopicPartition(topic, partition.partition())).toList();
    }

    private static String id(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
