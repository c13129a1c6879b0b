package io.crmbridge.sandbox.contract;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.atlassian.oai.validator.report.ValidationReport;

/**
 * What the server-side contract check ({@link ContractRecordingFilter}) saw: every request that reached the
 * sandbox's HubSpot API paths, whoever sent it, is validated against the description and the ones that do not
 * validate are kept here. A test clears it, lets its client (or the bridge's routes) call the sandbox, and asserts
 * {@code violations()} is empty.
 *
 * <p>
 * The Quarkus test application is shared by all test classes of a run and tests run one after another, so
 * "clear, act, assert" is reliable; a test that deliberately sends invalid requests should clear afterwards.
 */
@ApplicationScoped
public class SandboxContractRecorder {

    private final ConcurrentLinkedQueue<ContractViolation> violations = new ConcurrentLinkedQueue<>();
    private final AtomicLong validated = new AtomicLong();
    private volatile boolean checking = true;

    /** Validates one received request and keeps it if it does not validate. */
    public void check(RawRequest request) {
        validated.incrementAndGet();
        ValidationReport report = SandboxContract.validateRequest(request);
        List<String> errors = SandboxContract.errors(report);
        if (!errors.isEmpty()) {
            violations.add(new ContractViolation(request.method(), request.path(), errors));
        }
    }

    /** The requests received since the last {@link #clear()} that do not validate, oldest first. */
    public List<ContractViolation> violations() {
        return List.copyOf(violations);
    }

    /** How many requests were validated since start (a test can await that its request was seen). */
    public long validatedCount() {
        return validated.get();
    }

    /**
     * Whether requests are validated (by default they are). A benchmark turns the check off while it measures: it
     * validates every request against the whole description on the sandbox's event loop, CPU the bridge under
     * measurement would otherwise have (a real CRM does not run it on the bridge's machine).
     */
    public boolean checking() {
        return checking;
    }

    /** Turns the check off ({@code false}) or back on; a caller that turns it off turns it back on when done. */
    public void checking(boolean on) {
        checking = on;
    }

    public void clear() {
        violations.clear();
    }
}
