package io.crmbridge.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.connection.ConnectionAuth;
import io.crmbridge.connection.ConnectionsConfig;
import io.crmbridge.connection.ConnectionsConfig.AuthMode;
import io.crmbridge.connection.CrmConnections;
import io.crmbridge.connection.LocalPort;
import io.crmbridge.crm.BridgeProperties;
import io.crmbridge.crm.ChangeFeed;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnector;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.CrmRequest;
import io.crmbridge.crm.FieldMap;
import io.crmbridge.crm.RecordReads;
import io.crmbridge.probe.ProbeReport.AuthReport;
import io.crmbridge.probe.ProbeReport.HostReport;
import io.crmbridge.probe.ProbeReport.Finding;
import io.crmbridge.probe.ProbeReport.Kind;
import io.crmbridge.probe.ProbeReport.ObjectReport;

/**
 * The contract probe (docs/architecture.md, "Connections and connectors"): "the docs are wrong until one live record proves otherwise". For one
 * connection it goes through the connection's own auth flow and records what the token endpoint returned, reads the
 * first configured object from the configured host (and, when that fails, from the connector's alternative hosts),
 * then reads one live record per configured object and compares it with the field map. Read only: every CRM request
 * it makes is a GET ({@link ProbeHttp} refuses anything else); only the token endpoint is posted to, as by any refresh.
 */
@ApplicationScoped
@Named("contractProbe")
public class ContractProbe {

    private static final int EXCERPT = 200;
    /** A connection paused by the CRM's rate limit for longer than this is reported, not waited for. */
    private static final Duration MAX_PAUSE_WAIT = Duration.ofSeconds(10);

    private final CrmConnections connections;
    private final CrmConnectors connectors;
    private final ObjectMapper json;

    ContractProbe(CrmConnections connections, CrmConnectors connectors, ObjectMapper json) {
        this.connections = connections;
        this.connectors = connectors;
        this.json = json;
    }

    public ProbeReport probe(String name) {
        CrmConnections.Live live = connections.get(name);
        CrmConnector connector = connectors.of(name);
        FieldMap fieldMap = connectors.fieldMap(name);
        ProbeHttp http = new ProbeHttp(live.config().requestTimeout());

        // --- 1. the real auth flow ---
        Authorized authorized = authorize(live, connector);

        // --- 2. the host: the configured one, else the connector's alternatives ---
        List<String> objects = live.config().objects();
        List<HostReport> hosts = new ArrayList<>();
        String working = null;
        ProbeHttp.Answer firstAnswer = null;
        if (!objects.isEmpty()) {
            CrmRequest first = sample(connector, fieldMap, objects.get(0));
            Set<String> candidates = new LinkedHashSet<>();
            candidates.add(live.baseUrl());
            candidates.addAll(connector.alternativeBaseUrls(live.baseUrl()));
            for (String base : candidates) {
                ProbeHttp.Answer answer = send(live, http, base, first, authorized.token());
                hosts.add(hostReport(base, base.equals(live.baseUrl()), answer));
                if (answer.ok()) {
                    working = base;
                    firstAnswer = answer;
                    break;
                }
                if (firstAnswer == null) {
                    firstAnswer = answer;
                }
            }
        }

        // --- 3. one live record per object, from the working host ---
        List<ObjectReport> reports = new ArrayList<>();
        FieldComparison comparison = new FieldComparison(connector.typedValues());
        String base = working != null ? working : live.baseUrl();
        for (int i = 0; i < objects.size(); i++) {
            String object = objects.get(i);
            ProbeHttp.Answer answer = i == 0 ? firstAnswer
                    : send(live, http, base, sample(connector, fieldMap, object), authorized.token());
            ObjectReport report = objectReport(connector, fieldMap, comparison, object, answer,
                    () -> crmProperties(live, http, base, connector, object, authorized.token()));
            reports.add(answer != null && answer.status() != null && answer.status() >= 400 && answer.status() < 500
                    && answer.status() != 401 && answer.status() != 403 && answer.status() != 429
                    ? withRefusals(report, live, http, base, connector, fieldMap, object, authorized.token()) : report);
        }
        return new ProbeReport(name, live.config().kind(), Instant.now(), authorized.report(), hosts, working, reports);
    }

    private record Authorized(String token, AuthReport report) {
    }

    private Authorized authorize(CrmConnections.Live live, CrmConnector connector) {
        ConnectionsConfig.Auth auth = live.config().auth();
        String mode = auth.mode().name();
        if (auth.mode() == AuthMode.PRIVATE_APP) {
            String token = auth.token().orElse(null);
            return new Authorized(token, TokenFindings.staticToken(mode, token));
        }
        String endpoint = auth.tokenUrlBase().map(LocalPort::expand)
                .or(() -> connector.tokenUrlBase(live.baseUrl())).orElse(live.baseUrl()).replaceAll("/+$", "")
                + auth.tokenPath().orElse(connector.defaultTokenPath());
        try {
            ConnectionAuth.ObservedGrant observed = live.auth().refreshNow();
            return new Authorized(observed.grant().accessToken(), TokenFindings.of(mode, endpoint, observed));
        } catch (RuntimeException e) {
            return new Authorized(null, TokenFindings.failed(mode, endpoint, e.getMessage()));
        }
    }

    private static CrmRequest sample(CrmConnector connector, FieldMap fieldMap, String object) {
        if (!(connector instanceof ChangeFeed feed)) {
            throw new UnsupportedOperationException("the " + connector.kind() + " connector has no change feed to sample");
        }
        return feed.sampleRecord(object, fieldMap.readProperties(object));
    }

    private ProbeHttp.Answer send(CrmConnections.Live live, ProbeHttp http, String base, CrmRequest request,
            String token) {
        if (!"GET".equals(request.method())) {
            return new ProbeHttp.Answer(base + request.path(), null, null, null, "not read: the connector's sample "
                    + "request is a " + request.method() + " and the probe only reads", List.of());
        }
        Instant paused = live.gate().pausedUntil();
        if (paused.isAfter(Instant.now().plus(MAX_PAUSE_WAIT))) {
            return new ProbeHttp.Answer(base + request.path(), null, null, null,
                    "not read: the CRM's rate limit pauses this connection until " + paused, List.of());
        }
        live.gate().acquire();
        return http.get(base, request, token);
    }

    private static HostReport hostReport(String base, boolean configured, ProbeHttp.Answer answer) {
        // A working host's body is the record itself: only a failing one's excerpt says something about the host.
        return new HostReport(base, configured, answer.ok(), answer.status(), answer.contentType(),
                answer.ok() ? null : excerpt(answer.body()), answer.error(), answer.redirects());
    }

    /** The properties the CRM says the object has, or null where it does not say (no such read, or it failed). */
    private Set<String> crmProperties(CrmConnections.Live live, ProbeHttp http, String base, CrmConnector connector,
            String object, String token) {
        if (!(connector instanceof BridgeProperties provisioning)) {
            return null;
        }
        CrmRequest request;
        try {
            request = provisioning.listProperties(object);
        } catch (RuntimeException e) {
            return null;
        }
        if (request == null || !"GET".equals(request.method())) {
            return null;
        }
        ProbeHttp.Answer answer = send(live, http, base, request, token);
        if (!answer.ok()) {
            return null;
        }
        try {
            Set<String> names = provisioning.propertyNames(CrmAnswer.of(json.readValue(answer.body(), Object.class)))
                    .keySet();
            return names.isEmpty() ? null : names;
        } catch (Exception e) {
            return null;
        }
    }

    private ObjectReport objectReport(CrmConnector connector, FieldMap fieldMap, FieldComparison comparison,
            String object, ProbeHttp.Answer answer, java.util.function.Supplier<Set<String>> crmProperties) {
        if (answer == null) {
            return new ObjectReport(object, null, null, "not read", List.of());
        }
        if (!answer.ok()) {
            String error = answer.error() != null ? answer.error()
                    : "HTTP " + answer.status() + (answer.body() == null ? "" : ": " + excerpt(answer.body()));
            return new ObjectReport(object, null, answer.status(), error, List.of());
        }
        List<CrmRecord> records;
        try {
            records = ((RecordReads) connector).records(object, CrmAnswer.of(json.readValue(answer.body(), Object.class)));
        } catch (Exception e) {
            return new ObjectReport(object, null, answer.status(), "the answer is not the JSON the connector reads ("
                    + answer.contentType() + "): " + excerpt(answer.body()), List.of());
        }
        if (records.isEmpty()) {
            return new ObjectReport(object, null, answer.status(), "no record to compare: the CRM holds none", List.of());
        }
        CrmRecord record = records.get(0);
        Set<String> system = new LinkedHashSet<>(connector.systemProperties(object));
        if (connector instanceof ChangeFeed feed) {
            system.addAll(feed.noticeProperties(object));
        }
        return new ObjectReport(object, record.id(), answer.status(), null,
                comparison.compare(fieldMap.fields(object), record.properties(), system, crmProperties.get()));
    }

    /**
     * The sample listing was refused: each thing it relies on is asked alone ({@link ChangeFeed#contractChecks}), and
     * every one the account refuses becomes a finding, so the report names the order or the field, not just the 400.
     */
    private ObjectReport withRefusals(ObjectReport report, CrmConnections.Live live, ProbeHttp http, String base,
            CrmConnector connector, FieldMap fieldMap, String object, String token) {
        if (!(connector instanceof ChangeFeed feed)) {
            return report;
        }
        Map<String, String> fieldOf = new java.util.HashMap<>();
        fieldMap.fields(object).forEach((field, spec) -> fieldOf.put(spec.property(), field));
        List<Finding> findings = new ArrayList<>(report.findings());
        feed.contractChecks(object, fieldMap.readProperties(object)).forEach((check, request) -> {
            ProbeHttp.Answer answer = send(live, http, base, request, token);
            if (answer.status() == null || answer.status() < 400 || answer.status() >= 500 || answer.status() == 429) {
                return;
            }
            String detail = "HTTP " + answer.status() + ": " + excerpt(answer.body());
            if (check.startsWith("order:")) {
                findings.add(new Finding(Kind.ORDER_REFUSED, null, null, null, null, check.substring(6), null, null,
                        detail));
            } else if (check.startsWith("field:")) {
                String property = check.substring(6);
                findings.add(new Finding(Kind.FIELD_REFUSED, fieldOf.get(property), property, null, "absent", null,
                        null, null, detail));
            }
        });
        return new ObjectReport(report.object(), report.recordId(), report.status(), report.error(), findings);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
    }
}
