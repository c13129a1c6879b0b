package io.crmbridge.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Secrets as the probe may show them: length and a short SHA-256 prefix, never the value. */
final class Secrets {

    private Secrets() {
    }

    static ProbeReport.Secret of(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new ProbeReport.Secret(secret.length(), HexFormat.of().formatHex(digest).substring(0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
