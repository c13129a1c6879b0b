package io.crmbridge.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.crmbridge.db.EmbeddedPostgresServer;

/**
 * The configuration an operator ships: the top-level application.properties (the Kubernetes ConfigMap
 * crm-bridge-config) holds production settings only, the ConfigMap crm-bridge-routes holds every route file, and a
 * route placeholder names its key without a default of its own (defaults live in @WithDefault or the packaged
 * application.properties).
 */
class ConfigurationFilesTest {

    private static final Path OPERATOR_FILE = Path.of("application.properties");
    private static final Path ROUTES = Path.of("routes");
    private static final Path KUSTOMIZATION = Path.of("kubernetes", "kustomization.yaml");

    @Test
    void theOperatorsFileHoldsNoProfilesSettings() throws IOException {
        List<String> profileLines = Files.readAllLines(OPERATOR_FILE).stream()
                .filter(line -> line.strip().startsWith("%"))
                .toList();
        assertThat(profileLines).as("%test, %dev, %demo ... lines belong in the profiles' own files (src/test/resources,"
                + " src/sandbox/resources), not in the file the ConfigMap ships").isEmpty();
    }

    @Test
    void theRoutesConfigMapShipsEveryRouteFile() throws IOException {
        List<String> routeFiles;
        try (Stream<Path> files = Files.list(ROUTES)) {
            routeFiles = files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted().toList();
        }
        Pattern entry = Pattern.compile("^\\s*-\\s*(?:[\\w.-]+=)?\\.\\./routes/([\\w.-]+\\.yaml)\\s*$");
        List<String> shipped = Files.readAllLines(KUSTOMIZATION).stream()
                .map(entry::matcher).filter(Matcher::matches).map(m -> m.group(1)).sorted().toList();
        assertThat(routeFiles).isNotEmpty();
        assertThat(shipped).as("routes/*.yaml in the configMapGenerator crm-bridge-routes of " + KUSTOMIZATION)
                .containsExactlyElementsOf(routeFiles);
    }

    @Test
    void routePlaceholdersNameTheirKeyWithoutADefault() throws IOException {
        Pattern defaulted = Pattern.compile("\\{\\{(crmbridge\\.[^}:]+):[^}]*}}");
        List<String> found;
        try (Stream<Path> files = Files.list(ROUTES)) {
            found = files.filter(f -> f.toString().endsWith(".yaml")).flatMap(ConfigurationFilesTest::lines)
                    .filter(line -> defaulted.matcher(line).find()).toList();
        }
        assertThat(found).as("a crmbridge.* key's default lives in @WithDefault or src/main/resources/application.properties")
                .isEmpty();
    }

    @Test
    void theProductionClassesCarryNoProfilesFile() throws URISyntaxException, IOException {
        Path mainClasses = Path.of(EmbeddedPostgresServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(mainClasses.resolve("application.properties")).exists();
        try (Stream<Path> files = Files.list(mainClasses)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(name -> name.matches("application-.+\\.properties")))
                    .as("test, demo and dev settings stay out of the production application").isEmpty();
        }
        assertThat(Files.readAllLines(mainClasses.resolve("application.properties")))
                .noneMatch(line -> line.strip().startsWith("%"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> file.getFileName() + ": " + line.strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
