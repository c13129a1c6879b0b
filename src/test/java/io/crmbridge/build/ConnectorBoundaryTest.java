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

    @Test
    void onlyTheHubSpotConnectorNamesHubSpotsApi() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path root : List.of(Path.of("src", "main"), Path.of("routes"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(CONNECTOR)).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (HUBSPOT_API.matcher(lines.get(i)).find()) {
                            leaks.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(CONNECTOR.resolve("HubSpotConnector.java")).exists();
    }
}
