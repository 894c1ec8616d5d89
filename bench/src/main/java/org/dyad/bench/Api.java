package org.dyad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The app's REST API over Apache HttpClient's blocking client, signed in with HTTP Basic or, like the pages, with a
 * session. Blocking, because the bench's CPU is taken from the app under test: java.net.http hands each response
 * from its selector thread to the caller, and cost 0.35 ms of CPU per command against 0.13 ms here.
 */
final class Api implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Timeout TIMEOUT = Timeout.ofSeconds(30);
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    /** A response, read whole. */
    record Response(int statusCode, String body, Map<String, String> headers) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** Someone who sends requests: a script with HTTP Basic on every request, or a signed-in browser. */
    interface Caller {
        Response get(String path) throws IOException;

        Response post(String path, String json) throws IOException;
    }

    /** Shared by every caller; keeps no cookies, so callers never see each other's sessions. */
    private final CloseableHttpClient http = client(false);
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    private static CloseableHttpClient client(boolean cookies) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(512).setMaxConnPerRoute(512)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10)).setSocketTimeout(TIMEOUT).build())
                .build();
        HttpClientBuilder builder = HttpClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries();
        if (!cookies) {
            builder.disableCookieManagement();
        }
        return builder.build();
    }

    /** Closes the pooled connections to the app. */
    @Override
    public void close() throws IOException {
        http.close();
    }

    private Response send(ClassicHttpRequest request) throws IOException {
        return send(http, request, null);
    }

    private static Response send(CloseableHttpClient client, ClassicHttpRequest request, HttpClientContext context)
            throws IOException {
        return client.execute(request, context, response -> {
            Map<String, String> headers = new HashMap<>();
            for (Header header : response.getHeaders()) {
                headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                    StandardCharsets.UTF_8);
            return new Response(response.getCode(), body, headers);
        });
    }

    private static ClassicHttpRequest json(ClassicHttpRequest request, String json) {
        request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return request;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** HTTP Basic on every request: the server checks the BCrypt hash each time. */
    Caller basicCaller(String user) {
        String authorization = basic(user);
        return new Caller() {
            @Override
            public Response get(String path) throws IOException {
                HttpGet request = new HttpGet(base + path);
                request.setHeader("Authorization", authorization);
                return send(request);
            }

            @Override
            public Response post(String path, String body) throws IOException {
                HttpPost request = new HttpPost(base + path);
                request.setHeader("Authorization", authorization);
                return send(json(request, body));
            }
        };
    }

    /**
     * Signs in through the login form once, as the pages do, then sends the session cookie with every request and
     * the CSRF token from {@code /api/me} with every change: BCrypt runs once per session, not per request.
     */
    Caller sessionCaller(String user) throws IOException {
        BasicCookieStore cookies = new BasicCookieStore();
        HttpClientContext context = HttpClientContext.create();
        context.setCookieStore(cookies);
        Response page;
        Response login;
        Response me;
        try (CloseableHttpClient signIn = client(true)) {
            page = send(signIn, new HttpGet(base + "/login"), context);
            List<NameValuePair> form = new ArrayList<>(List.of(new BasicNameValuePair("username", user),
                    new BasicNameValuePair("password", "demo")));
            Matcher hidden = HIDDEN_INPUT.matcher(page.body());
            while (hidden.find()) {
                Matcher name = NAME.matcher(hidden.group());
                Matcher value = VALUE.matcher(hidden.group());
                if (name.find() && value.find()) {
                    form.add(new BasicNameValuePair(name.group(1), value.group(1)));
                }
            }
            HttpPost post = new HttpPost(base + "/login");
            post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
            login = send(signIn, post, context);
            String location = login.header("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error")) {
                throw new IOException("Form login as " + user + " failed: " + login.statusCode() + " " + location);
            }
            HttpGet meRequest = new HttpGet(base + "/api/me");
            meRequest.setHeader("X-Requested-With", "XMLHttpRequest");
            me = send(signIn, meRequest, context);
        }
        if (me.statusCode() != 200) {
            throw new IOException("GET /api/me with the session -> " + me.statusCode() + " " + me.body());
        }
        JsonNode body = JSON.readTree(me.body());
        String csrfHeader = body.path("csrfHeader").asText("X-CSRF-TOKEN");
        String csrfToken = body.path("csrfToken").asText();
        String cookie = cookies.getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return new Caller() {
            @Override
            public Response get(String path) throws IOException {
                HttpGet request = new HttpGet(base + path);
                request.setHeader("Cookie", cookie);
                request.setHeader("X-Requested-With", "XMLHttpRequest");
                return send(request);
            }

            @Override
            public Response post(String path, String body) throws IOException {
                HttpPost request = new HttpPost(base + path);
                request.setHeader("Cookie", cookie);
                request.setHeader("X-Requested-With", "XMLHttpRequest");
                request.setHeader(csrfHeader, csrfToken);
                return send(json(request, body));
            }
        };
    }

    /** Unauthenticated or Basic GET, for readiness checks. */
    Response get(String user, String path) throws IOException {
        HttpGet request = new HttpGet(base + path);
        if (user != null) {
            request.setHeader("Authorization", basic(user));
        }
        return send(request);
    }

    JsonNode getJson(String user, String path) throws IOException {
        Response response = get(user, path);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST /api/cases on {@code unit}; returns the new case's id. */
    static String openCase(Caller caller, String unit, String name) throws IOException {
        Response response = caller.post("/api/cases", "{\"preferredName\":\"" + name
                + "\",\"pronouns\":\"they/them\",\"dateOfBirth\":\"1984-05-17\",\"setting\":\"OUTPATIENT\",\"unit\":\""
                + unit + "\"}");
        expect(response, 201, "POST /api/cases");
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** POST /api/cases/{id}/goals with synthetic words. */
    static void recordGoals(Caller caller, String caseId, long n) throws IOException {
        Response response = caller.post("/api/cases/" + caseId + "/goals",
                "{\"whatMattersMost\":\"Synthetic benchmark entry " + n + ": getting back to the garden.\","
                        + "\"goals\":[\"sleep through the night\",\"walk every morning (" + n + ")\"],"
                        + "\"personalMedicine\":[\"gardening\",\"calling a friend\"]}");
        expect(response, 204, "POST /api/cases/{id}/goals");
    }

    static void expect(Response response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IOException(what + " -> " + response.statusCode() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }
}
