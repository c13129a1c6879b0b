package io.crmbridge.probe;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * {@code java -cp 'quarkus-app/app/*:quarkus-app/lib/main/*' io.crmbridge.probe.ProbeCli <connection> [--url URL]
 * [--token TOKEN] [--json]} (the packaged application's jars, no Quarkus start): asks a running bridge
 * for the contract probe of a connection ({@code POST /admin/connections/<connection>/probe}) and prints it as a
 * table (or the JSON as received). It starts no application of its own: a running bridge owns its embedded
 * PostgreSQL's data directory, and the probe needs that bridge's connections and token state anyway.
 * Defaults: {@code CRMBRIDGE_URL} (else {@code http://localhost:8080}) and {@code CRMBRIDGE_ADMIN_TOKEN}.
 */
public final class ProbeCli {

    static final String USAGE = "usage: probe <connection> [--url URL] [--token ADMIN_TOKEN] [--json]\n"
            + "  --url    the running bridge (default: $CRMBRIDGE_URL, else http://localhost:8080)\n"
            + "  --token  its admin token (default: $CRMBRIDGE_ADMIN_TOKEN)\n"
            + "  --json   print the report as JSON instead of a table";

    /** What the command line asks for. */
    record Options(String connection, String url, String token, boolean json) {

        static Options parse(String[] args, Map<String, String> env) {
            String connection = null;
            String url = env.getOrDefault("CRMBRIDGE_URL", "http://localhost:8080");
            String token = env.get("CRMBRIDGE_ADMIN_TOKEN");
            boolean json = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = value(args, ++i, "--url");
                    case "--token" -> token = value(args, ++i, "--token");
                    case "--json" -> json = true;
                    default -> {
                        if (args[i].startsWith("--") || connection != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        connection = args[i];
                    }
                }
            }
            if (connection == null) {
                throw new IllegalArgumentException("name the connection to probe");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("no admin token: pass --token or set CRMBRIDGE_ADMIN_TOKEN");
            }
            return new Options(connection, url.replaceAll("/+$", ""), token, json);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    private ProbeCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; the exit code: 0 printed, 1 the bridge answered an error or could not be reached, 2 usage. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create(options.url() + "/admin/connections/"
                            + options.connection() + "/probe"))
                            .timeout(Duration.ofMinutes(2))
                            .header("Authorization", "Bearer " + options.token())
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                err.println("the bridge at " + options.url() + " answered HTTP " + response.statusCode() + ": "
                        + response.body());
                return 1;
            }
            out.print(options.json() ? response.body() + "\n" : ProbeTable.render(read(response.body())));
            return 0;
        } catch (IOException e) {
            err.println("cannot reach the bridge at " + options.url() + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static ProbeReport read(String body) throws IOException {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(body, ProbeReport.class);
    }
}
