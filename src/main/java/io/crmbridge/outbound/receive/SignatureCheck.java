package io.crmbridge.outbound.receive;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.crmbridge.outbound.SourcesConfig.Auth;
import io.crmbridge.outbound.SourcesConfig.Encoding;
import io.crmbridge.outbound.SourcesConfig.SignedContent;

/**
 * Pure checks of a delivery's credentials: a bearer secret, or an HMAC-SHA256 signature over the raw body, optionally
 * with a timestamp (and HubSpot v3's method and URI), always compared in constant time.
 */
public final class SignatureCheck {

    /** What the request brought: the header values and the request line. */
    public record Presented(String authorization, String signature, String timestamp, String method, String uri) {
    }

    private SignatureCheck() {
    }

    /** Throws {@link WebhookRejected} (401) unless the delivery is authentic and within the timestamp tolerance. */
    public static void verify(Auth auth, byte[] body, Presented presented, Instant now) {
        if (auth.secret().isEmpty() || auth.secret().get().isBlank()) {
            throw unauthorized("no secret is configured for this source");
        }
        byte[] secret = auth.secret().get().getBytes(StandardCharsets.UTF_8);
        switch (auth.mode()) {
            case BEARER -> verifyBearer(secret, presented.authorization());
            case HMAC -> verifyHmac(auth, secret, body, presented, now);
        }
    }

    private static void verifyBearer(byte[] secret, String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("bearer token missing or wrong");
        }
    }

    private static void verifyHmac(Auth auth, byte[] secret, byte[] body, Presented presented, Instant now) {
        String signature = presented.signature();
        if (signature == null || signature.isBlank()) {
            throw unauthorized("signature header " + auth.signatureHeader() + " missing");
        }
        String prefix = auth.signaturePrefix().orElse("");
        if (!signature.startsWith(prefix)) {
            throw unauthorized("signature does not start with " + prefix);
        }
        String timestamp = null;
        if (auth.signedContent() != SignedContent.BODY) {
            timestamp = presented.timestamp();
            checkTimestamp(timestamp, auth.tolerance(), now);
        }
        byte[] expected = sign(secret, signedBytes(auth.signedContent(), body, timestamp, presented));
        String given = signature.substring(prefix.length()).trim();
        String expectedText = auth.encoding() == Encoding.HEX ? HexFormat.of().formatHex(expected)
                : Base64.getEncoder().encodeToString(expected);
        if (auth.encoding() == Encoding.HEX) {
            given = given.toLowerCase(Locale.ROOT);
        }
        if (!MessageDigest.isEqual(expectedText.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("signature does not match");
        }
    }

    /** Epoch seconds or milliseconds (told apart by size), within the tolerance either way: replays are refused. */
    static void checkTimestamp(String timestamp, Duration tolerance, Instant now) {
        if (timestamp == null || timestamp.isBlank()) {
            throw unauthorized("timestamp header missing");
        }
        long value;
        try {
            value = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized("timestamp is not a number");
        }
        Instant at = value < 100_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
        if (Duration.between(at, now).abs().compareTo(tolerance) > 0) {
            throw unauthorized("timestamp outside the tolerance of " + tolerance + " (replay refused)");
        }
    }

    static byte[] signedBytes(SignedContent content, byte[] body, String timestamp, Presented presented) {
        return switch (content) {
            case BODY -> body;
            case TIMESTAMP_BODY -> concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
            case METHOD_URI_BODY_TIMESTAMP -> concat(concat(
                    (presented.method() + presented.uri()).getBytes(StandardCharsets.UTF_8), body),
                    timestamp.getBytes(StandardCharsets.UTF_8));
        };
    }

    public static byte[] sign(byte[] secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static WebhookRejected unauthorized(String reason) {
        return new WebhookRejected(401, "unauthorized", reason);
    }
}
