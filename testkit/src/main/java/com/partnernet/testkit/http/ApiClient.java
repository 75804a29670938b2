package com.partnernet.testkit.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON calls to the services' REST APIs with a bearer token, as the demo loader, the lead simulator and the fault
 * scenarios make them.
 */
public final class ApiClient {

    private static final HttpClient HTTP = httpClient(Duration.ofSeconds(5));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;

    public ApiClient(String token) {
        this.token = token;
    }

    /** The answer's JSON (a null node for an empty body); any answer but 2xx is an IOException naming the call. */
    public JsonNode call(String method, String url, Object body) throws IOException, InterruptedException {
        String answer = send(method, url, body, null);
        return answer.isEmpty() ? JSON.nullNode() : JSON.readTree(answer);
    }

    /**
     * A change to a versioned resource, decided on the state {@code read} (its {@code version} is its ETag): sent with
     * that as If-Match, so a change made meanwhile is refused (412) rather than overwritten.
     */
    public JsonNode change(String method, String url, JsonNode read, Object body) throws IOException, InterruptedException {
        String answer = send(method, url, body, "\"" + read.get("version").asLong() + "\"");
        return answer.isEmpty() ? JSON.nullNode() : JSON.readTree(answer);
    }

    /** The answer's body; any answer but 2xx is an IOException naming the call. */
    public String send(String method, String url, Object body) throws IOException, InterruptedException {
        return send(method, url, body, null);
    }

    private String send(String method, String url, Object body, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + url + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * A JDK client speaking HTTP/1.1, as the services' API clients do. The JDK's default, HTTP/2, asks each new plain
     * connection to upgrade (h2c); now and then the answer came back as HTTP/1.1 text that the client read as HTTP/2
     * frames ("protocol error: Frame type(118) …", the live demo's first call of a local run).
     */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    public JsonNode get(String url) throws IOException, InterruptedException {
        return call("GET", url, null);
    }
}
