package io.crmbridge.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs after {@code package} (failsafe, in {@code verify}): the production application built without a profile,
 * {@code target/quarkus-app}, holds no class of {@code io.crmbridge.sandbox} and no sandbox resource.
 */
class ProductionArtifactIT {

    @Test
    void packagedApplicationHoldsNoSandbox() throws IOException {
        Path app = Path.of("target", "quarkus-app", "app");
        assertThat(app).isDirectory();
        List<Path> jars;
        try (Stream<Path> files = Files.list(app)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).isNotEmpty();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                List<String> names = file.stream().map(e -> e.getName()).toList();
                assertThat(names).contains("io/crmbridge/db/EmbeddedPostgresServer.class");
                assertThat(names).noneMatch(n -> n.startsWith("io/crmbridge/sandbox/") || n.startsWith("sandbox/"));
            }
        }
        // Quarkus's generated classes (CDI beans, REST endpoints) must not name the sandbox either.
        try (Stream<Path> files = Files.walk(Path.of("target", "quarkus-app"))) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    assertThat(file.stream().map(e -> e.getName())).as(jar.toString())
                            .noneMatch(n -> n.contains("io/crmbridge/sandbox"));
                }
            }
        }
    }
}
