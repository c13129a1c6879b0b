package io.crmbridge.probe;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The payload of a JWT access token, decoded without checking its signature (the probe only reads its times). */
final class JwtClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtClaims() {
    }

    /** The token's {@code exp - iat} in seconds; empty when it is no JWT or lacks either claim. */
    static Optional<Long> lifetimeSeconds(String token) {
        return payload(token).flatMap(claims -> {
            Object exp = claims.get("exp");
            Object iat = claims.get("iat");
            if (exp instanceof Number e && iat instanceof Number i) {
                return Optional.of(e.longValue() - i.longValue());
            }
            return Optional.empty();
        });
    }

    static Optional<Map<String, Object>> payload(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_').replace("=", ""));
            return Optional.of(JSON.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<>() {
            }));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
