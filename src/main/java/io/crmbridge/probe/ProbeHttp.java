package io.crmbridge.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.crmbridge.crm.CrmRequest;

/**
 * The probe's only way to the CRM: GET requests, redirects followed by hand (at most {@value #MAX_REDIRECTS}) so each
 * one can be reported, and the bearer token sent only to the host it was configured for. Anything but a GET is
 * refused before it leaves: the probe never writes.
 */
final class ProbeHttp {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** A final answer (or {@code error} when there was none) and the redirects that led to it. */
    record Answer(String url, Integer status, String contentType, String body, String error,
            List<ProbeReport.Redirect> redirects) {

        boolean ok() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    ProbeHttp(Duration timeout) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** Sends a read under {@code baseUrl} with the bearer {@code token} (null: none). */
    Answer get(String baseUrl, CrmRequest request, String token) {
        if (!"GET".equals(request.method())) {
            throw new IllegalArgumentException("the probe only reads: refused " + request.method() + " " + request.path());
        }
        URI first = URI.create(baseUrl.replaceAll("/+$", "") + request.path()
                + (request.query() == null || request.query().isEmpty() ? "" : "?" + request.query()));
        List<ProbeReport.Redirect> redirects = new ArrayList<>();
        URI uri = first;
        try {
            while (true) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                        .header("Accept", "application/json");
                if (token != null && sameOrigin(first, uri)) {
                    builder.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                String location = response.headers().firstValue("Location").orElse(null);
                if (REDIRECTS.contains(response.statusCode()) && location != null && redirects.size() < MAX_REDIRECTS) {
                    redirects.add(new ProbeReport.Redirect(response.statusCode(), uri.toString(), location));
                    uri = uri.resolve(location);
                    continue;
                }
                return new Answer(uri.toString(), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body(), null, redirects);
            }
        } catch (IOException e) {
            return new Answer(uri.toString(), null, null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), redirects);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(uri.toString(), null, null, null, "interrupted", redirects);
        } catch (IllegalArgumentException e) {
            return new Answer(uri.toString(), null, null, null, "bad URL: " + e.getMessage(), redirects);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }
}
