package io.crmbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The YAML routes under routes/ are loaded at start-up: every route id the design names is present, and every
 * {@code direct:} route is called by another route or by the main Java code (a route nothing calls is dead).
 */
@QuarkusTest
class RouteInventoryTest {

    /** Grows with every route added under routes/; a generated id such as route1 is a defect. */
    static final Set<String> EXPECTED_ROUTE_IDS = Set.of(
            "heartbeat",
            // errors.yaml
            "dead-letter", "review",
            // crm-endpoints.yaml: crm-<record>-<operation> from the template "crm-request",
            // crm-<record>-search-by-<field> from the template "crm-search-by"
            "crm-call",
            "crm-contact-create", "crm-contact-update", "crm-contact-search-by-email",
            "crm-company-create", "crm-company-update", "crm-company-search-by-domain",
            "crm-deal-create", "crm-deal-update", "crm-deal-search-open", "crm-engagement-read-linked",
            "crm-ticket-create", "crm-ticket-update",
            "crm-note-create", "crm-task-create",
            "crm-owner-find-by-email",
            "crm-upsert", "crm-read-by-key", "crm-create-keyed", "crm-association-create",
            "crm-batch", "crm-history-read", "crm-provision-call",
            // webhook.yaml, event-pipeline.yaml, decide.yaml, demo.yaml
            "webhook-receive",
            "event-dispatch", "lease-renew", "queue-backlog", "event-process", "normalize-json-mapping", "normalize-stripe", "normalize-calendly",
            "decide", "decide-lookup", "decide-apply", "decide-write-contact", "decide-write-company",
            "decide-write-deal", "decide-write-ticket", "decide-associate", "decide-write-engagement",
            "demo-traffic",
            // clio-matter.yaml
            "clio-matter",
            // inbound-poll.yaml (poll-<connection>-<object> from the template "poll", one per configured object)
            "poll-hubspot-contacts", "poll-hubspot-companies", "poll-hubspot-deals",
            "poll-clio-contacts", "poll-clio-deals",
            "poll-tiny-contacts", // the in-test tiny CRM's connection (io.crmbridge.tinycrm)
            "poll-pages", "poll-search-page", "poll-page-history", "crm-search-modified", "inbound-record", "poll-freshness",
            // intake.yaml
            "deliver-intake", "intake-http");

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    /** A string literal naming a direct endpoint in Java. */
    private static final Pattern JAVA_DIRECT = Pattern.compile("\"(direct:[^\"?]+)[\"?]");
    /** A simple expression in a toD uri. */
    private static final Pattern SIMPLE = Pattern.compile("\\$\\{[^}]*}");

    @Inject
    CamelContext camelContext;

    @Test
    void loadsEveryRouteFromTheRoutesFolder() {
        var ids = camelContext.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> !id.startsWith("test-")) // routes of the tests, Java and test-routes/*.yaml
                .collect(Collectors.toSet());
        assertThat(ids).containsExactlyInAnyOrderElementsOf(EXPECTED_ROUTE_IDS);
    }

    @Test
    void everyDirectRouteIsCalledByARouteOrTheMainCode() {
        Map<String, String> directRoutes = new TreeMap<>(); // route id -> its direct endpoint's name
        camelContext.getRoutes().stream().filter(r -> !r.getRouteId().startsWith("test-"))
                .filter(r -> r.getEndpoint().getEndpointUri().startsWith("direct:"))
                .forEach(r -> directRoutes.put(r.getRouteId(), name(r.getEndpoint().getEndpointUri())));
        assertThat(directRoutes).as("each direct route is named after its endpoint")
                .allSatisfy((id, endpoint) -> assertThat(endpoint).isEqualTo(id));

        List<Call> calls = new ArrayList<>(routeCalls());
        calls.addAll(javaCalls());
        Set<String> uncalled = new TreeSet<>();
        directRoutes.forEach((id, endpoint) -> {
            if (calls.stream().noneMatch(c -> !c.caller().equals(id) && c.target().matcher(endpoint).matches())) {
                uncalled.add(id);
            }
        });
        assertThat(uncalled).as("direct routes that no route and no main Java code calls").isEmpty();
    }

    /** A call to a direct endpoint whose name matches {@code target}, from a route (its id) or a Java file. */
    record Call(String caller, Pattern target) {
    }

    /** The direct endpoints the loaded routes and route configurations send to, a toD's simple parts as wildcards. */
    private List<Call> routeCalls() {
        ModelCamelContext model = (ModelCamelContext) camelContext;
        List<Call> calls = new ArrayList<>();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            if (route.getRouteId() != null && route.getRouteId().startsWith("test-")) {
                continue;
            }
            uris(route.getOutputs()).forEach(uri -> call(route.getRouteId(), uri).ifPresent(calls::add));
        }
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            for (OnExceptionDefinition onException : configuration.getOnExceptions()) {
                uris(onException.getOutputs())
                        .forEach(uri -> call("configuration " + configuration.getId(), uri).ifPresent(calls::add));
            }
        }
        return calls;
    }

    private Set<String> uris(List<ProcessorDefinition<?>> outputs) {
        Set<String> uris = new HashSet<>();
        ProcessorDefinitionHelper.filterTypeInOutputs(outputs, EndpointRequiredDefinition.class)
                .forEach(to -> uris.add(to.getEndpointUri()));
        ProcessorDefinitionHelper.filterTypeInOutputs(outputs, ToDynamicDefinition.class)
                .forEach(toD -> uris.add(toD.getUri()));
        return uris;
    }

    private java.util.Optional<Call> call(String caller, String uri) {
        if (uri == null || !uri.startsWith("direct:")) {
            return java.util.Optional.empty();
        }
        String name = name(uri);
        StringBuilder regex = new StringBuilder();
        Matcher simple = SIMPLE.matcher(name);
        int at = 0;
        while (simple.find()) {
            regex.append(Pattern.quote(name.substring(at, simple.start()))).append(".+");
            at = simple.end();
        }
        regex.append(Pattern.quote(name.substring(at)));
        return java.util.Optional.of(new Call(caller, Pattern.compile(regex.toString())));
    }

    /** The direct endpoints named by string literals in the main Java code. */
    private List<Call> javaCalls() {
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            List<Call> calls = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = JAVA_DIRECT.matcher(Files.readString(file));
                while (literal.find()) {
                    calls.add(new Call(file.toString(), Pattern.compile(Pattern.quote(name(literal.group(1))))));
                }
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code direct:name?options} or {@code direct://name} to {@code name}. */
    private static String name(String uri) {
        String name = uri.substring("direct:".length());
        name = name.startsWith("//") ? name.substring(2) : name;
        int options = name.indexOf('?');
        return options < 0 ? name : name.substring(0, options);
    }
}
