package io.crmbridge.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The connector boundary: a CRM's API names (paths, {@code hs_*} properties, rate-limit headers, hosts) appear in the
 * bridge's main sources and routes only inside its connector's package, and so does its value vocabulary (task
 * statuses, deal stage ids, token and batch error codes, scopes, its kind's name in code): the rest of the bridge
 * speaks the contract of package {@code io.crmbridge.crm} (its roles, {@code TaskStatus}, {@code TaskPriority},
 * {@code TicketStage}, {@code DealStage}).
 */
class ConnectorBoundaryTest {

    static final Pattern HUBSPOT_API = Pattern.compile("hs_|X-HubSpot|/crm/v3|/crm/v4|hubapi");
    static final Path CONNECTOR = Path.of("src", "main", "java", "io", "crmbridge", "crm", "hubspot");

    /** Clio's API: its path prefix, its {@code .json} resources, its rate-limit headers, its hosts. */
    static final Pattern CLIO_API = Pattern.compile(
            "/api/v4|\\b(contacts|matters|notes|tasks|practice_areas|users)\\.json|X-RateLimit|app\\.clio\\.com");
    static final Path CLIO_CONNECTOR = Path.of("src", "main", "java", "io", "crmbridge", "crm", "clio");

    /**
     * HubSpot's value vocabulary: task status and priority values, its default sales pipeline's stage ids, its token
     * endpoint's {@code BAD_*} codes, its batch error categories, its OAuth scopes, its kind's name as a string literal
     * in code.
     */
    static final Pattern HUBSPOT_VOCABULARY = Pattern.compile(
            "NOT_STARTED|\"MEDIUM\"|\\bBAD_[A-Z_]+|OBJECT_NOT_FOUND|MISSING_SCOPES|crm\\.schemas|\"hubspot\""
                    + "|(?i:appointmentscheduled|qualifiedtobuy|presentationscheduled|decisionmakerboughtin|contractsent"
                    + "|closedwon|closedlost)");

    /** Clio's value vocabulary: task status and priority values, deal (matter) statuses, its kind's name in code. */
    static final Pattern CLIO_VOCABULARY = Pattern.compile(
            "\"(pending|in_progress|in_review|complete|Normal)\"|\"clio\"");

    /**
     * Main Java sources only; a connection kind or the default connection's name as a configuration default
     * ({@code @WithDefault("hubspot")}) is configuration, not vocabulary. No other default is exempt: a vendor's value
     * as a default (a deal stage, a status) is the vocabulary leaking.
     */
    static final Pattern CONFIG_DEFAULT = Pattern.compile("@WithDefault\\(\"(hubspot|clio)\"\\)");

    @Test
    void onlyTheHubSpotConnectorKnowsHubSpotsValues() throws IOException {
        assertThat(vocabularyLeaks(HUBSPOT_VOCABULARY, CONNECTOR)).isEmpty();
    }

    @Test
    void onlyTheClioConnectorKnowsCliosValues() throws IOException {
        assertThat(vocabularyLeaks(CLIO_VOCABULARY, CLIO_CONNECTOR)).isEmpty();
    }

    @Test
    void theVocabularyMarkersFindWhatTheyLookFor() {
        assertThat(HUBSPOT_VOCABULARY.matcher("fields.put(\"status\", \"NOT_STARTED\")").find()).isTrue();
        assertThat(HUBSPOT_VOCABULARY.matcher("{\"status\":\"BAD_REFRESH_TOKEN\"}").find()).isTrue();
        assertThat(HUBSPOT_VOCABULARY.matcher("return \"hubspot\";").find()).isTrue();
        assertThat(HUBSPOT_VOCABULARY.matcher("TaskStatus.OPEN.name()").find()).isFalse();
        assertThat(HUBSPOT_VOCABULARY.matcher("@WithDefault(\"closedwon,closedlost\")").find()).isTrue();
        assertThat(HUBSPOT_VOCABULARY.matcher("Map.of(\"lead\", \"qualifiedtobuy\")").find()).isTrue();
        assertThat(HUBSPOT_VOCABULARY.matcher("\"appointmentscheduled\"").find()).isTrue();
        assertThat(HUBSPOT_VOCABULARY.matcher("DealStage.WON.name()").find()).isFalse();
        assertThat(CONFIG_DEFAULT.matcher("@WithDefault(\"hubspot\")").find()).isTrue();
        assertThat(CONFIG_DEFAULT.matcher("@WithDefault(\"closedwon,closedlost\")").find()).isFalse();
        assertThat(CLIO_VOCABULARY.matcher("Map.of(\"OPEN\", \"pending\")").find()).isTrue();
        assertThat(CLIO_VOCABULARY.matcher("the event is pending").find()).isFalse();
    }

    @Test
    void onlyTheHubSpotConnectorNamesHubSpotsApi() throws IOException {
        assertThat(leaks(HUBSPOT_API, CONNECTOR)).isEmpty();
        assertThat(CONNECTOR.resolve("HubSpotConnector.java")).exists();
    }

    @Test
    void onlyTheClioConnectorNamesCliosApi() throws IOException {
        assertThat(leaks(CLIO_API, CLIO_CONNECTOR)).isEmpty();
        assertThat(CLIO_CONNECTOR.resolve("ClioConnector.java")).exists();
    }

    @Test
    void theMarkersFindWhatTheyLookFor() {
        assertThat(CLIO_API.matcher("GET /matters.json?fields=id").find()).isTrue();
        assertThat(CLIO_API.matcher("X-RateLimit-Remaining").find()).isTrue();
        assertThat(CLIO_API.matcher("https://eu.app.clio.com/api/v4").find()).isTrue();
        assertThat(CLIO_API.matcher("application.json; contact.jsonPath").find()).isFalse();
    }

    /** Lines of main Java outside the connector's package that use the vocabulary in code (not in comments). */
    private static List<String> vocabularyLeaks(Pattern vocabulary, Path connector) throws IOException {
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).filter(f -> !f.startsWith(connector))
                    .toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String code = code(lines.get(i));
                    if (vocabulary.matcher(code).find() && !CONFIG_DEFAULT.matcher(code).find()) {
                        leaks.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        return leaks;
    }

    /** A line without its comment: javadoc and block comment lines, and what follows {@code //}, left out. */
    private static String code(String line) {
        String trimmed = line.trim();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            return "";
        }
        int comment = line.indexOf("// ");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static List<String> leaks(Pattern api, Path connector) throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path root : List.of(Path.of("src", "main"), Path.of("routes"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(connector)).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (api.matcher(lines.get(i)).find()) {
                            leaks.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        return leaks;
    }
}
