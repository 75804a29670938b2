package com.partnernet.local;

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

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;

    public ApiClient(String token) {
        this.token = token;
    }

    /** The answer's JSON (a null node for an empty body); any answer but 2xx is an IOException naming the call. */
    JsonNode call(String method, String url, Object body) throws IOException, InterruptedException {
        String answer = send(method, url, body);
        return answer.isEmpty() ? JSON.nullNode() : JSON.readTree(answer);
    }

    /** The answer's body; any answer but 2xx is an IOException naming the call. */
    public String send(String method, String url, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
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

    JsonNode get(String url) throws IOException, InterruptedException {
        return call("GET", url, null);
    }
}
