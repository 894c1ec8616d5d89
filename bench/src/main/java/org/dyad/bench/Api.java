package org.dyad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The app's REST API over java.net.http, signed in with HTTP Basic or, like the pages, with a session. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    /** Someone who sends requests: a script with HTTP Basic on every request, or a signed-in browser. */
    interface Caller {
        HttpResponse<String> get(String path) throws IOException, InterruptedException;

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException;
    }

    private final HttpClient http = newClient(null);
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    private static HttpClient newClient(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** HTTP Basic on every request: the server checks the BCrypt hash each time. */
    Caller basicCaller(String user) {
        String authorization = basic(user);
        return new Caller() {
            @Override
            public HttpResponse<String> get(String path) throws IOException, InterruptedException {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                        .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            }

            @Override
            public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            }
        };
    }

    /**
     * Signs in through the login form once, as the pages do, then sends the session cookie with every request and
     * the CSRF token from {@code /api/me} with every change: BCrypt runs once per session, not per request.
     */
    Caller sessionCaller(String user) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = newClient(cookies);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        StringBuilder form = new StringBuilder("username=" + enc(user) + "&password=demo");
        Matcher hidden = HIDDEN_INPUT.matcher(page.body());
        while (hidden.find()) {
            Matcher name = NAME.matcher(hidden.group());
            Matcher value = VALUE.matcher(hidden.group());
            if (name.find() && value.find()) {
                form.append('&').append(enc(name.group(1))).append('=').append(enc(value.group(1)));
            }
        }
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IOException("Form login as " + user + " failed: " + login.statusCode() + " " + location);
        }
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).timeout(TIMEOUT)
                .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (me.statusCode() != 200) {
            throw new IOException("GET /api/me with the session -> " + me.statusCode() + " " + me.body());
        }
        JsonNode body = JSON.readTree(me.body());
        String csrfHeader = body.path("csrfHeader").asText("X-CSRF-TOKEN");
        String csrfToken = body.path("csrfToken").asText();
        // The session's cookies go out as a header on the shared client: a client (and selector thread) per
        // session, each parsing cookies on every request, cost the bench twice the CPU of the Basic callers.
        String cookie = cookies.getCookieStore().get(URI.create(base)).stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        return new Caller() {
            @Override
            public HttpResponse<String> get(String path) throws IOException, InterruptedException {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                        .header("Cookie", cookie)
                        .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());
            }

            @Override
            public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                        .header("Cookie", cookie)
                        .header("X-Requested-With", "XMLHttpRequest")
                        .header(csrfHeader, csrfToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            }
        };
    }

    /** Unauthenticated or Basic GET, for readiness checks. */
    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(user, path);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST /api/cases on {@code unit}; returns the new case's id. */
    static String openCase(Caller caller, String unit, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = caller.post("/api/cases", "{\"preferredName\":\"" + name
                + "\",\"pronouns\":\"they/them\",\"dateOfBirth\":\"1984-05-17\",\"setting\":\"OUTPATIENT\",\"unit\":\""
                + unit + "\"}");
        expect(response, 201, "POST /api/cases");
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** POST /api/cases/{id}/goals with synthetic words. */
    static void recordGoals(Caller caller, String caseId, long n) throws IOException, InterruptedException {
        HttpResponse<String> response = caller.post("/api/cases/" + caseId + "/goals",
                "{\"whatMattersMost\":\"Synthetic benchmark entry " + n + ": getting back to the garden.\","
                        + "\"goals\":[\"sleep through the night\",\"walk every morning (" + n + ")\"],"
                        + "\"personalMedicine\":[\"gardening\",\"calling a friend\"]}");
        expect(response, 204, "POST /api/cases/{id}/goals");
    }

    static void expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IOException(what + " -> " + response.statusCode() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
