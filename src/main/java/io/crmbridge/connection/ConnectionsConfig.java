package io.crmbridge.connection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmbridge.crm.FieldType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Every CRM account the bridge talks to: {@code crmbridge.connections.<name>.*}. Secrets (client secret, refresh
 * token, private-app token) come from the environment or a Kubernetes Secret, e.g.
 * {@code CRMBRIDGE_CONNECTIONS_HUBSPOT_AUTH_CLIENT_SECRET}; they are never logged nor shown by the admin API.
 */
@ConfigMapping(prefix = "crmbridge.connections")
public interface ConnectionsConfig {

    @WithParentName
    Map<String, Connection> connections();

    interface Connection {
        /** The connector (a {@code io.crmbridge.crm.CrmConnector} of this kind): {@code hubspot} or {@code clio}. */
        @WithDefault("hubspot")
        String kind();

        /**
         * The CRM's API base URL, e.g. the vendor's API host or the sandbox's {@code http://localhost:8080/sandbox/hubspot};
         * unset, the connector's own for {@link #region()}.
         */
        Optional<String> baseUrl();

        /** The CRM's region, for kinds whose accounts live on one of several hosts (clio: us, eu, ca, au). */
        Optional<String> region();

        Auth auth();

        /** The objects polled and written, e.g. {@code contacts,companies,deals}. */
        @WithDefault("contacts")
        List<String> objects();

        RateLimit rateLimit();

        /** How long one CRM call may take before it counts as a timeout (retryable). */
        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * The id of the CRM app this connection writes as (HubSpot: the app id of the OAuth app or private app). Changes
         * in the CRM's property history made by this app are the bridge's own; unset, a change counts as the bridge's
         * only when it set the value the bridge last wrote to that property.
         */
        Optional<String> appId();

        /**
         * The CRM API version the connection's calls name, where the CRM versions its API per request (Clio:
         * {@code X-API-VERSION}); unset, the connector's pinned version.
         */
        Optional<String> apiVersion();

        /** Inbound polling of this connection's objects (routes {@code poll-<connection>-<object>}). */
        Poll poll();

        /**
         * Contract field -> CRM property, per object, overriding the connector's defaults:
         * {@code crmbridge.connections.hubspot.field-map.contacts.phone.property=mobilephone}.
         */
        Map<String, Map<String, Field>> fieldMap();
    }

    interface Auth {
        /** {@code private-app} (a static token), {@code refresh-token} or {@code client-credentials}. */
        @WithDefault("private-app")
        AuthMode mode();

        /** The private-app token (mode private-app). */
        Optional<String> token();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** The initial refresh token (mode refresh-token); a rotated one is kept in table connection_state. */
        Optional<String> refreshToken();

        /** Token endpoint, relative to {@code token-url-base} (or the base URL); unset, the connector's own. */
        Optional<String> tokenPath();

        /** Where the token endpoint lives when it is not under the base URL. */
        Optional<String> tokenUrlBase();

        /** Refresh this long before the access token's own {@code expires_in} runs out. */
        @WithDefault("60s")
        Duration refreshSkew();

        Optional<List<String>> scopes();
    }

    interface RateLimit {
        /**
         * Requests allowed per {@code period}: the CRM's published limit (HubSpot private apps: 100 per 10 s), for all
         * replicas together (the bucket is shared through PostgreSQL).
         */
        @WithDefault("100")
        int requests();

        @WithDefault("10s")
        Duration period();

        /**
         * Most permits a replica leases from the shared bucket at once (one database round trip each); default
         * requests / 20, at most requests / 2. Bigger leases: fewer round trips, a lower sustained rate (RateBudget).
         */
        Optional<Integer> leaseSize();

        /** How long leased permits stay usable; unused ones are dropped. Default period / 10. */
        Optional<Duration> leaseValidity();
    }

    interface Poll {
        /** Whether the poll routes start with the application (tests start them by hand). */
        @WithDefault("true")
        boolean enabled();

        /** Time between the end of one poll and the start of the next. */
        @WithDefault("30s")
        Duration interval();

        /**
         * Only records modified before the CRM's own now minus this delay are read: the CRM's search index lags its
         * writes, and a record read once it has settled is not read again. Measured on the CRM's clock (its answers'
         * {@code Date}), so clock skew between the CRM and the bridge does not matter.
         */
        @WithDefault("15s")
        Duration settleDelay();

        /** How often a poll also lists the object's archived (deleted) records for delete notices; 0s: every poll. */
        @WithDefault("5m")
        Duration archivedInterval();

        /** The wellness check {@code crm-polls} goes DOWN (and an alert is raised) when no poll succeeded for this long; default 3 x interval. */
        Optional<Duration> maxStaleness();

        /** Records per search page: the CRM's maximum (HubSpot and Clio allow at most 200), fewest calls per record. */
        @WithDefault("200")
        int pageSize();

        /** Pages one poll reads at most before it ends (the next poll continues from the cursor). */
        @WithDefault("1000")
        int maxPages();

        /** Properties to read per object, besides the field map's: {@code poll.properties.companies=name,domain}. */
        Map<String, List<String>> properties();
    }

    interface Field {
        /** The CRM property's API name (not its UI label); {@code -} when the CRM does not keep the field. */
        String property();

        @WithDefault("string")
        FieldType type();

        /** Allowed values for type enum. */
        Optional<List<String>> allowed();

        /** For type relationship: read {@code id} or {@code name} of the {@code {id, name}} object. */
        @WithDefault("id")
        String read();

        /** The bridge's values in the CRM's terms: {@code field-map.deals.stage.values.WON=closed}. */
        Map<String, String> values();
    }

    enum AuthMode {
        PRIVATE_APP, REFRESH_TOKEN, CLIENT_CREDENTIALS
    }
}
