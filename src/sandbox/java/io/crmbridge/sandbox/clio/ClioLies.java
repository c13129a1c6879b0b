package io.crmbridge.sandbox.clio;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The lying switch: makes the Clio sandbox behave the way the real systems did, unlike their documentation.
 *
 * <ul>
 * <li>The documented host ({@code app}, i.e. {@code /sandbox/clio/api/v4} and {@code /sandbox/clio/app/api/v4})
 * answers every API call with {@code documentedHostStatus} (default 503) and an HTML page, while the other region
 * hosts ({@code /sandbox/clio/eu.app/api/v4}, ...) serve the same account. The token endpoints keep working.</li>
 * <li>A field the published shape calls a string arrives as a relationship object: a contact's {@code title} comes as
 * {@code {"id": n, "name": "<title>"}} (see {@code sandbox/clio-published-shape.json}).</li>
 * </ul>
 */
@ApplicationScoped
public class ClioLies {

    /** {@code GET/PUT /sandbox/clio/_sandbox/lying}; a null field in a PUT leaves that setting as it is. */
    @RegisterForReflection
    public record Settings(Boolean enabled, Integer documentedHostStatus) {
    }

    static final Settings OFF = new Settings(false, 503);

    private volatile Settings settings = OFF;

    public Settings settings() {
        return settings;
    }

    public synchronized Settings change(Settings change) {
        if (change.documentedHostStatus() != null
                && (change.documentedHostStatus() < 400 || change.documentedHostStatus() > 599)) {
            throw ClioApiException.badRequest("documentedHostStatus must be a 4xx or 5xx code");
        }
        settings = new Settings(change.enabled() != null ? change.enabled() : settings.enabled(),
                change.documentedHostStatus() != null ? change.documentedHostStatus() : settings.documentedHostStatus());
        return settings;
    }

    public void reset() {
        settings = OFF;
    }

    public boolean on() {
        return Boolean.TRUE.equals(settings.enabled());
    }
}
