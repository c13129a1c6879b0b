package io.crmbridge.outbound.receive;

import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.outbound.SourcesConfig;
import io.crmbridge.outbound.SourcesConfig.Source;

/**
 * Step of route {@code webhook-receive}: the checks a delivery passes before anything of it is stored. Unknown source
 * (404), body too large (413), not JSON (415), bad credentials (401), empty body (400). Leaves the raw body as
 * {@code byte[]}. Every authentication outcome of a known source goes to the watch that alerts on silent senders.
 */
@ApplicationScoped
@Named("webhookGate")
public class WebhookGate {

    private final SourcesConfig sources;
    private final WebhookConfig config;
    private final WebhookAuthWatch watch;

    WebhookGate(SourcesConfig sources, WebhookConfig config, WebhookAuthWatch watch) {
        this.sources = sources;
        this.config = config;
        this.watch = watch;
    }

    public void check(Exchange exchange) {
        Message in = exchange.getMessage();
        String name = in.getHeader(ExchangeKeys.WEBHOOK_SOURCE, String.class);
        Source source = name == null ? null : sources.sources().get(name);
        if (source == null) {
            throw new WebhookRejected(404, "unknown_source", "no source named " + name + " is configured");
        }
        Long declared = in.getHeader("Content-Length", Long.class);
        if (declared != null && declared > config.maxBodyBytes()) {
            throw tooLarge();
        }
        byte[] body = in.getBody(byte[].class);
        body = body == null ? new byte[0] : body;
        if (body.length > config.maxBodyBytes()) {
            throw tooLarge();
        }
        if (!isJson(in.getHeader(Exchange.CONTENT_TYPE, String.class))) {
            throw new WebhookRejected(415, "unsupported_media_type", "Content-Type must be application/json");
        }
        authenticate(name, source, body, in);
        if (body.length == 0) {
            throw new WebhookRejected(400, "empty_body", "the request has no body");
        }
        in.setBody(body);
    }

    private void authenticate(String name, Source source, byte[] body, Message in) {
        String signatureHeader = source.auth().signatureHeader();
        SignatureCheck.Presented presented = new SignatureCheck.Presented(in.getHeader("Authorization", String.class),
                in.getHeader(signatureHeader, String.class), in.getHeader(source.auth().timestampHeader(), String.class),
                in.getHeader(Exchange.HTTP_METHOD, "POST", String.class), requestUri(source, in));
        try {
            SignatureCheck.verify(source.auth(), body, presented, Instant.now());
        } catch (WebhookRejected rejected) {
            watch.failed(name, rejected.getMessage());
            throw rejected;
        }
        watch.succeeded(name);
    }

    /** The URL the sender signed (HubSpot v3): the configured public base, else the URL as this server saw it. */
    private static String requestUri(Source source, Message in) {
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        String pathAndQuery = uri != null && uri.startsWith("/") ? uri
                : in.getHeader(Exchange.HTTP_PATH, "", String.class) + (query == null ? "" : "?" + query);
        if (source.auth().publicBaseUrl().isPresent()) {
            return source.auth().publicBaseUrl().get() + pathAndQuery;
        }
        String url = in.getHeader(Exchange.HTTP_URL, String.class);
        return url != null ? url : "http://" + in.getHeader("Host", String.class) + pathAndQuery;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private WebhookRejected tooLarge() {
        return new WebhookRejected(413, "payload_too_large", "the body exceeds " + config.maxBodyBytes() + " bytes");
    }
}
