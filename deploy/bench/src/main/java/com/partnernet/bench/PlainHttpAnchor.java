package com.partnernet.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.token.JwtKeys;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.token.Tokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The anchor for REST reads: what a plain HTTP server does with the same reads and no framework — the JDK's
 * {@link HttpServer}, a thread per connection the load opens, the services' pool of 20 database connections. Per
 * request it does what a service must: checks the bearer token (RS256 signature, issuer, expiry), runs the endpoint's
 * SQL ({@link ReadLoad.SqlRead}) and writes the rows as JSON (every column, as an object per row: about the bytes the
 * service's view writes).
 */
final class PlainHttpAnchor implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(ReadLoad.SERVICE_POOL_SIZE);
    private final PublicKey tokenKey;

    /**
     * Serves GET {@code <path>} for each read, as {@code paths} maps them (the same paths the load sends the service).
     *
     * @param threads one per connection of the load: none waits for a thread, as none does in the service
     */
    PlainHttpAnchor(SystemUnderTest system, Service service, Map<String, ReadLoad.SqlRead> reads, int threads)
            throws Exception {
        this.tokenKey = JwtKeys.inFolder(system.tokenPublicKey().getParent()).publicKey();
        for (int i = 0; i < ReadLoad.SERVICE_POOL_SIZE; i++) {
            pool.add(system.database(service));
        }
        this.threads = Executors.newFixedThreadPool(threads);
        // Without it the JDK's server writes headers and body in two packets and waits for the client's delayed ACK
        // (Nagle): about 40 ms a response (read once, when the first server is made).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", exchange -> answer(exchange, reads));
        server.setExecutor(this.threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, Map<String, ReadLoad.SqlRead> reads) throws IOException {
        try (exchange) {
            ReadLoad.SqlRead read = reads.get(exchange.getRequestURI().getPath());
            if (!validToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (read == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = SystemUnderTest.JSON.writeValueAsBytes(query(read));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** Each statement's rows, every column by name. */
    private List<List<Map<String, Object>>> query(ReadLoad.SqlRead read) throws Exception {
        Connection db = pool.take();
        try {
            List<List<Map<String, Object>>> results = new ArrayList<>();
            for (String statement : read.statements()) {
                try (PreparedStatement query = db.prepareStatement(statement)) {
                    query.setObject(1, read.id());
                    try (ResultSet rows = query.executeQuery()) {
                        ResultSetMetaData columns = rows.getMetaData();
                        List<Map<String, Object>> result = new ArrayList<>();
                        while (rows.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (int c = 1; c <= columns.getColumnCount(); c++) {
                                Object value = rows.getObject(c);
                                row.put(columns.getColumnLabel(c), value == null || value instanceof Number
                                        || value instanceof Boolean ? value : value.toString());
                            }
                            result.add(row);
                        }
                        results.add(result);
                    }
                }
            }
            return results;
        } finally {
            pool.add(db);
        }
    }

    /** What the services check of every token: its RS256 signature by the trusted key, and that it has not expired. */
    private boolean validToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(tokenKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = SystemUnderTest.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return Tokens.TEST_ISSUER.equals(claims.path("iss").asText())
                    && claims.path("exp").asLong() > System.currentTimeMillis() / 1000 && claims.path("groups").size() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        server.stop(0);
        threads.shutdownNow();
        for (Connection db : pool) {
            db.close();
        }
    }

    /** The anchor's paths: each read under the path the service answers it at. */
    static Map<String, ReadLoad.SqlRead> byPath(List<String> paths, List<ReadLoad.SqlRead> reads) {
        Map<String, ReadLoad.SqlRead> byPath = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            byPath.put(paths.get(i), reads.get(i));
        }
        return byPath;
    }
}
