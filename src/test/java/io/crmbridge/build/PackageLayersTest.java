package io.crmbridge.build;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.crmbridge.model.ExchangeKeys;

/**
 * The packages of the main code form layers, and imports go one way: down. From the bottom:
 *
 * <ol>
 * <li>{@code model}: the event, the exchange keys, timestamps;</li>
 * <li>{@code db}: the database and its errors;</li>
 * <li>{@code ops}: operator alerts, this process's name;</li>
 * <li>{@code ledger}: the idempotency ledger and the key leases;</li>
 * <li>{@code crm}: the connector contract, which names nothing but the model (the configured connections reach it
 * through {@code ConnectionSettings}, which the connection layer implements);</li>
 * <li>{@code connection}: connections, credentials, rate budgets, the CRM call steps;</li>
 * <li>side by side: the connectors and the batched calls ({@code crm.*}), which nothing above names (they are found
 * through the contract), and {@code loopguard}: what the bridge wrote and how its own echo is told apart;</li>
 * <li>side by side, never naming each other: the flows, {@code inbound} and {@code outbound} (with its stages);</li>
 * <li>{@code probe}: the contract probe;</li>
 * <li>{@code ops.admin}: the operator's HTTP resources.</li>
 * </ol>
 *
 * No two packages import each other, directly or around a circle. Only the main code is read (target/classes, not
 * the tests, not the sandbox, which is a separate source root built into tests and the demo).
 */
class PackageLayersTest {

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        Path classes = Path.of(ExchangeKeys.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/crmbridge/sandbox/"))
                .importPath(classes);
        assertThat(main.contain(ExchangeKeys.class)).isTrue();
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.crmbridge.(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(main);
    }

    @Test
    void importsGoDownTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("Model").definedBy("io.crmbridge.model..")
                .layer("Database").definedBy("io.crmbridge.db..")
                .layer("Ops").definedBy("io.crmbridge.ops")
                .layer("Ledger").definedBy("io.crmbridge.ledger..")
                .layer("Contract").definedBy("io.crmbridge.crm")
                .layer("Connection").definedBy("io.crmbridge.connection..")
                .layer("Connectors").definedBy("io.crmbridge.crm.*..")
                .layer("LoopGuard").definedBy("io.crmbridge.loopguard..")
                .layer("Inbound").definedBy("io.crmbridge.inbound..")
                .layer("Outbound").definedBy("io.crmbridge.outbound..")
                .layer("Probe").definedBy("io.crmbridge.probe..")
                .layer("Admin").definedBy("io.crmbridge.ops.admin..")

                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Database").mayOnlyAccessLayers("Model")
                .whereLayer("Ops").mayOnlyAccessLayers("Model", "Database")
                .whereLayer("Ledger").mayOnlyAccessLayers("Model", "Database", "Ops")
                .whereLayer("Contract").mayOnlyAccessLayers("Model")
                .whereLayer("Connection").mayOnlyAccessLayers("Model", "Database", "Ops", "Ledger", "Contract")
                .whereLayer("Connectors").mayOnlyAccessLayers("Model", "Database", "Ops", "Ledger", "Contract",
                        "Connection")
                .whereLayer("Connectors").mayNotBeAccessedByAnyLayer()
                .whereLayer("LoopGuard").mayOnlyAccessLayers("Model", "Database", "Ops", "Ledger", "Contract",
                        "Connection")
                .whereLayer("Inbound").mayOnlyAccessLayers("Model", "Database", "Ops", "Ledger", "Contract",
                        "Connection", "LoopGuard")
                .whereLayer("Outbound").mayOnlyAccessLayers("Model", "Database", "Ops", "Ledger", "Contract",
                        "Connection", "LoopGuard")
                .whereLayer("Probe").mayOnlyAccessLayers("Model", "Database", "Ops", "Ledger", "Contract",
                        "Connection")
                .whereLayer("Admin").mayOnlyAccessLayers("Model", "Database", "Ops", "Ledger", "Contract",
                        "Connection", "LoopGuard", "Inbound", "Outbound", "Probe")
                .check(main);
    }

    /** A field that only renames an exchange key ({@code KEY = ExchangeKeys.KEY}): code names the key itself. */
    static final Pattern ALIAS = Pattern.compile("(\\w+)\\s*=\\s*ExchangeKeys\\.(\\w+)\\s*;");

    @Test
    void exchangeKeysAreNamedDirectly() throws IOException {
        List<String> aliases = new ArrayList<>();
        for (Path root : List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"),
                Path.of("src", "sandbox", "java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = ALIAS.matcher(Files.readString(file));
                    while (m.find()) {
                        aliases.add(file.getFileName() + ": " + m.group(1) + " = ExchangeKeys." + m.group(2));
                    }
                }
            }
        }
        assertThat(aliases).isEmpty();
    }
}
