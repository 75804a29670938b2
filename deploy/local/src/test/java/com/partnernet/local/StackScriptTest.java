package com.partnernet.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'deploy/local/stack start' builds only when a file changed since its last build: its check, without building. */
class StackScriptTest {

    private static final Path STACK = Path.of("../../deploy/local/stack").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void startBuildsOnlyWhenAFileChangedSinceTheLastBuild() throws Exception {
        Path stamp = folder.resolve("stack-build.stamp");
        assertEquals("no build by deploy/local/stack yet", needsBuild(stamp, 0));

        Files.writeString(stamp, "");
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals("nothing changed since the last build", needsBuild(stamp, 1));

        Files.setLastModifiedTime(stamp, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        String changed = needsBuild(stamp, 0);
        assertTrue(changed.startsWith("changed since the last build: "), changed);
        assertTrue(!changed.contains("/target/") && !changed.contains(".local/") && !changed.contains(".git/"), changed);
    }

    /** Runs {@code stack needs-build} against {@code stamp}; its answer, checking its exit status (0: build). */
    private static String needsBuild(Path stamp, int exitStatus) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", STACK.toString(), "needs-build").redirectErrorStream(true);
        builder.environment().put("STACK_BUILD_STAMP", stamp.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(exitStatus, process.waitFor(), output);
        return output;
    }
}
