package io.crmbridge.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.crmbridge.testsupport.AppProcess;
import io.crmbridge.testsupport.TestHttp;

/**
 * The CRM sandbox a run writes to: its own process (a build with the sandbox inside, started with the {@code sandbox}
 * configuration profile), or one already serving (the test JVM's, in the CI versions of the runs).
 */
final class SandboxUnderTest implements AutoCloseable {

    static final String CRM_TOKEN = "sandbox-token";

    private final String base;
    private final AppProcess process;
    /** The token settings as found (a run changes the lifetime; {@link #reset} puts them back). */
    private final Object oauthSettings;

    private SandboxUnderTest(String base, AppProcess process) {
        this.base = base;
        this.process = process;
        this.oauthSettings = TestHttp.JSON.convertValue(control("GET", "/oauth/settings", null).expectOk("oauth settings").json(),
                Map.class);
    }

    /** The sandbox of {@code jar} as its own process, with a throw-away database under {@code workDir}. */
    static SandboxUnderTest process(Path jar, Path workDir) {
        int port = AppProcess.freePort();
        AppProcess app = new AppProcess(jar, List.of("-Xmx1g", "-Dquarkus.profile=sandbox", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port, "-Dcrmbridge.embedded-postgres.data-dir=" + workDir.resolve("sandbox-postgres"),
                "-Dcrmbridge.embedded-postgres.clean=true", "-Dcrmbridge.embedded-postgres.durable=false"),
                workDir.resolve("sandbox.log"));
        String base = "http://127.0.0.1:" + port;
        app.start(base + "/sandbox/hubspot/_sandbox/clock", Duration.ofMinutes(3));
        return new SandboxUnderTest(base, app);
    }

    /** A sandbox already serving at {@code base} (scheme, host and port). */
    static SandboxUnderTest at(String base) {
        return new SandboxUnderTest(base, null);
    }

    /** Where a connection's base-url points. */
    String crmUrl() {
        return base + "/sandbox/hubspot";
    }

    String where() {
        return process == null ? "in the test JVM at " + base : "own process (pid " + process.pid() + ") at " + base;
    }

    boolean ownProcess() {
        return process != null;
    }

    TestHttp.Answer control(String method, String path, Object body) {
        String url = crmUrl() + "/_sandbox" + path;
        return switch (method) {
            case "PUT" -> TestHttp.put(url, Map.of(), body);
            case "POST" -> TestHttp.post(url, Map.of(), body == null ? "{}" : body);
            case "DELETE" -> TestHttp.delete(url, Map.of());
            default -> TestHttp.get(url, Map.of());
        };
    }

    /** A CRM API call with the sandbox's private-app token (the audit's reads). */
    TestHttp.Answer crmGet(String path) {
        return TestHttp.get(crmUrl() + path, TestHttp.bearer(CRM_TOKEN));
    }

    TestHttp.Answer crmPost(String path, Object body) {
        return TestHttp.post(crmUrl() + path, TestHttp.bearer(CRM_TOKEN), body);
    }

    /**
     * Everything a run may have changed back to the defaults, and the rate limit out of the way. The tokens already
     * issued stay valid: a bridge kept running from one run to the next (the CI runs share two) must not find its
     * refresh token forgotten and its connection needing re-authorization.
     */
    void reset() {
        control("DELETE", "/faults", null).expectOk("clear faults");
        control("DELETE", "/search/index-lag", null).expectOk("reset index lag");
        control("PUT", "/oauth/settings", oauthSettings).expectOk("token settings");
        unlimited();
    }

    /**
     * The runs measure correctness, not pacing: at HubSpot's 100 calls per 10 s, 5,000 lead events (about 17 calls
     * each) take over two hours. The sandbox's limit and the bridge's are both lifted far out of the way.
     */
    void unlimited() {
        control("PUT", "/rate-limit", Map.of("maxRequests", 10_000_000, "windowMillis", 1000)).expectOk("rate limit");
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop();
        }
    }
}
