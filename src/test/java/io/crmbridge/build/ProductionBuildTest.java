package io.crmbridge.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.crmbridge.db.EmbeddedPostgresServer;

/**
 * The CRM sandbox (src/sandbox) is compiled with the tests, never into the production classes: the directory the
 * bridge's own classes come from holds no sandbox class and no sandbox resource. {@link ProductionArtifactIT} checks
 * the packaged application the same way.
 */
class ProductionBuildTest {

    @Test
    void mainClassesHoldNoSandbox() throws URISyntaxException {
        Path mainClasses = Path.of(EmbeddedPostgresServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(mainClasses.resolve("io/crmbridge/db/EmbeddedPostgresServer.class")).exists();
        assertThat(mainClasses.resolve("io/crmbridge/sandbox")).doesNotExist();
        assertThat(mainClasses.resolve("sandbox")).doesNotExist();
    }

    @Test
    void theSandboxTheTestsUseComesFromTheTestClasses() throws Exception {
        Class<?> sandbox = Class.forName("io.crmbridge.sandbox.SandboxConfig");
        Path from = Path.of(sandbox.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path mainClasses = Path.of(EmbeddedPostgresServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(from).isNotEqualTo(mainClasses);
        assertThat(Files.exists(from.resolve("io/crmbridge/sandbox/SandboxConfig.class"))).isTrue();
    }
}
