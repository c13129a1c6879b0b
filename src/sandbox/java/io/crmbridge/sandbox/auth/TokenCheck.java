package io.crmbridge.sandbox.auth;

import java.time.Instant;

/** What the bearer token of a CRM call turned out to be. */
public sealed interface TokenCheck {

    record Valid(String token) implements TokenCheck {
    }

    record Missing() implements TokenCheck {
    }

    record Unknown() implements TokenCheck {
    }

    record Revoked() implements TokenCheck {
    }

    record Expired(Instant expiredAt, long secondsAgo) implements TokenCheck {
    }
}
