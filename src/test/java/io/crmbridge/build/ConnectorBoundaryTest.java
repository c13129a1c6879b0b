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
 * The connector boundary: HubSpot's API names (paths, {@code hs_*} properties, rate-limit headers, hosts) appear in the
 * bridge's main sources and routes only inside the HubSpot connector package.
 */
class ConnectorBoundaryTest {

    static final Pattern HUBSPOT_API = Pattern.compile("hs_|X-HubSpot|/crm/v3|/crm/v4|hubapi");
    static final Path CONNECTOR = Path.of("src", "main", "java", "io", "crmbridge", "crm", "hubspot");

    /** Clio's API: its path prefix, its {@code .json} resources, its rate-limit headers, its hosts. */
    static final Pattern CLIO_API = Pattern.compile(
            "/api/v4|\\b(contacts|matters|notes|tasks|practice_areas|users)\\.json|X-RateLimit|app\\.clio\\.com");
    static final Path CLIO_CONNECTOR = Path.of("src", "main", "java", "io", "crmbridge", "crm", "clio");

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
