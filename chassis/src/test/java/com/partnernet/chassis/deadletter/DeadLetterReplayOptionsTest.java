package com.partnernet.chassis.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The replay's command line says what is wrong with it; without a broker. */
class DeadLetterReplayOptionsTest {

    private static final String DLQ = "leads.inbound.dlq";

    @Test
    void theCommandLineSaysWhatIsWrongWithIt() {
        assertEquals("Missing required parameter: 'TOPIC'", assertThrows(CommandLine.ParameterException.class,
                () -> DeadLetterReplay.Options.parse("--dry-run")).getMessage());
        assertEquals("leads.inbound is no dead-letter topic (*.dlq)", assertThrows(CommandLine.ParameterException.class,
                () -> DeadLetterReplay.Options.parse("leads.inbound")).getMessage());
        assertEquals("Invalid value for option '--since': yesterday is no ISO instant",
                assertThrows(CommandLine.ParameterException.class,
                        () -> DeadLetterReplay.Options.parse(DLQ, "--since", "yesterday")).getMessage());
        assertEquals(new DeadLetterReplay.Options(DLQ, "campaign", Instant.parse("2026-12-02T08:00:00Z"), true),
                DeadLetterReplay.Options.parse(DLQ, "--reason", "campaign", "--since", "2026-12-02T08:00:00Z", "--dry-run"));
    }

    @Test
    void helpNamesEveryOptionAndAWrongCommandLineExitsWithTwo() {
        String usage = new CommandLine(new DeadLetterReplay.Command()).getUsageMessage();
        for (String option : new String[] { "TOPIC", "--reason", "--since", "--dry-run", "--help" }) {
            assertEquals(true, usage.contains(option), usage);
        }
        CommandLine line = new CommandLine(new DeadLetterReplay.Command());
        line.setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        assertEquals(2, line.execute("--no-such-option", DLQ));
    }
}
