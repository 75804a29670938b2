package com.partnernet.leads;

import static com.partnernet.leads.LeadsApi.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.partnernet.testkit.conformance.AnswerSchemas;
import com.partnernet.testkit.http.ApiClient;

import io.restassured.RestAssured;

/**
 * A Server-Sent Events stream of the service under test, read event by event; every event's data must be what the
 * committed OpenAPI document says the stream carries.
 */
final class EventStream implements AutoCloseable {

    /** One event: its name (the lead event's type) and data. */
    record Event(String name, String data) {
    }

    private static final Path DOCUMENT = Path.of("../docs/api/leads-service.openapi.yaml");

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final String path;
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private EventStream(String path) throws Exception {
        this.path = path;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", "text/event-stream").build();
        response = ApiClient.httpClient(WAIT).sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> opened = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (opened.statusCode() != 200) {
            throw new AssertionError(path + " answered " + opened.statusCode());
        }
        Thread reader = new Thread(() -> read(opened.body()), "event-stream " + path);
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and waits until it answered (the service then hands it every change from now on). */
    static EventStream open(String path) throws Exception {
        return new EventStream(path);
    }

    /** The next event of this name about this lead; others before it are passed over. */
    Event next(String name, String leadId) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name) && event.data().contains(leadId)) {
                assertEquals(List.of(), AnswerSchemas.ofStreamEvent(DOCUMENT, URI.create(path).getPath(), event.data()));
                return event;
            }
        }
        throw new AssertionError("no " + name + " of lead " + leadId + " within " + WAIT);
    }

    private void read(Stream<String> lines) {
        String[] name = { "message" };
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.startsWith("event:")) {
                name[0] = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && data.length() > 0) {
                events.add(new Event(name[0], data.toString()));
                name[0] = "message";
                data.setLength(0);
            }
        });
    }

    @Override
    public void close() {
        response.thenAccept(opened -> opened.body().close());
    }
}
