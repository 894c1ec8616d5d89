package org.dyad.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A REST client signed in with HTTP Basic as one user (or anonymous). */
public final class Api {

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api as(int port, String user) {
        return withPassword(port, user, "demo");
    }

    public static Api withPassword(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api("http://localhost:" + port, "Basic " + token);
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, null);
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response get(String path, String accept) {
        return send(builder(path).setHeader("Accept", accept).GET());
    }

    public Response post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    /** Opens a case on {@code unit} and returns its id. */
    public String openCase(String name, String unit) {
        Response created = post("/api/cases", """
                {"preferredName": "%s", "pronouns": "they/them", "dateOfBirth": "1991-05-17",
                 "setting": "INPATIENT", "unit": "%s"}""".formatted(name, unit));
        if (created.status() != 201) {
            throw new AssertionError("case not opened: " + created.status() + " " + created.raw().body());
        }
        return created.body().get("id").asText();
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(true);
            JsonNode body = response.body().isBlank() || !json ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
