package io.crmbridge.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** The systems that push events: {@code crmbridge.sources.<name>.*}, one entry per {@code POST /events/<name>}. */
@ConfigMapping(prefix = "crmbridge.sources")
public interface SourcesConfig {

    @WithParentName
    Map<String, Source> sources();

    interface Source {
        /** Which normalizer route turns its payload into the contract: {@code direct:normalize-<normalizer>}. */
        @WithDefault("json-mapping")
        String normalizer();

        /** The contract event type when the payload does not say (json-mapping). */
        @WithDefault("lead")
        String eventType();

        /** The CRM connection its events are written to (default: crmbridge.crm.default-connection). */
        Optional<String> connection();

        /**
         * What its events write: {@code ALL} (contact, company, deal, ticket, associations, note, task as the event type
         * says) or {@code CONTACT} (only the contact, e.g. a newsletter or consent form: no other record, no note).
         */
        @WithDefault("all")
        Writes writes();

        /** json-mapping: contract field (e.g. contact-email) -> JSON Pointer into the payload (e.g. /email). */
        Map<String, String> mapping();

        Auth auth();
    }

    interface Auth {
        /** bearer (Authorization: Bearer secret) or hmac (HMAC-SHA256 signature header). */
        @WithDefault("hmac")
        Mode mode();

        /** The shared secret; from the environment. Without one, every delivery is refused. */
        Optional<String> secret();

        /** hmac: the header carrying the signature. */
        @WithDefault("X-Signature")
        String signatureHeader();

        /** hmac: hex or base64. */
        @WithDefault("hex")
        Encoding encoding();

        /** hmac: a prefix before the signature value, e.g. {@code sha256=}. */
        Optional<String> signaturePrefix();

        /** hmac: what is signed: body, timestamp-body ("{ts}.{body}") or method-uri-body-timestamp (HubSpot v3). */
        @WithDefault("body")
        SignedContent signedContent();

        /** hmac with a timestamp: the header carrying it (epoch seconds or milliseconds). */
        @WithDefault("X-Timestamp")
        String timestampHeader();

        /** hmac with a timestamp: how far from now a timestamp may be; older or newer deliveries are refused. */
        @WithDefault("5m")
        Duration tolerance();

        /** method-uri-body-timestamp: the public URL prefix senders sign (behind a proxy), else the request's URL. */
        Optional<String> publicBaseUrl();
    }

    enum Mode {
        BEARER, HMAC
    }

    enum Writes {
        ALL, CONTACT
    }

    enum Encoding {
        HEX, BASE64
    }

    enum SignedContent {
        BODY, TIMESTAMP_BODY, METHOD_URI_BODY_TIMESTAMP
    }
}
