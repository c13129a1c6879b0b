package io.crmbridge;

import io.crmbridge.probe.ProbeCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The application's entry point. {@code probe <connection> ...} is a command against a running bridge (see
 * {@link ProbeCli}) and starts nothing; any other invocation starts the bridge as usual.
 */
@QuarkusMain
public final class BridgeMain {

    private BridgeMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && "probe".equals(args[0])) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(ProbeCli.run(rest, System.getenv(), System.out, System.err));
        }
        // Camel Quarkus keeps its context running only through its own application class once a main is custom.
        Quarkus.run(org.apache.camel.quarkus.main.CamelMainApplication.class, args);
    }
}
