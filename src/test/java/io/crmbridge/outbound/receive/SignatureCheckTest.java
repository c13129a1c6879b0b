package io.crmbridge.outbound.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.crmbridge.outbound.SourcesConfig.Auth;
import io.crmbridge.outbound.SourcesConfig.Encoding;
import io.crmbridge.outbound.SourcesConfig.Mode;
import io.crmbridge.outbound.SourcesConfig.SignedContent;

class SignatureCheckTest {

    static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    record TestAuth(Mode mode, Optional<String> secret, String signatureHeader, Encoding encoding,
            Optional<String> signaturePrefix, SignedContent signedContent, String timestampHeader, Duration tolerance,
            Optional<String> publicBaseUrl) implements Auth {
    }

    static Auth hmac(SignedContent content, Encoding encoding, String prefix) {
        return new TestAuth(Mode.HMAC, Optional.of("s3cret"), "X-Signature", encoding, Optional.ofNullable(prefix), content,
                "X-Timestamp", Duration.ofMinutes(5), Optional.empty());
    }

    static String sign(String content, Encoding encoding) {
        byte[] mac = SignatureCheck.sign("s3cret".getBytes(StandardCharsets.UTF_8), content.getBytes(StandardCharsets.UTF_8));
        return encoding == Encoding.HEX ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac);
    }

    static SignatureCheck.Presented presented(String signature, String timestamp) {
        return new SignatureCheck.Presented(null, signature, timestamp, "POST", "https://bridge.example/events/x?a=b");
    }

    @Test
    void bodySignatureHexWithPrefix() {
        Auth auth = hmac(SignedContent.BODY, Encoding.HEX, "sha256=");
        assertThatCode(() -> SignatureCheck.verify(auth, BODY, presented("sha256=" + sign("{\"a\":1}", Encoding.HEX), null), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SignatureCheck.verify(auth, BODY, presented(sign("{\"a\":1}", Encoding.HEX), null), NOW))
                .isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> SignatureCheck.verify(auth, "{\"a\":2}".getBytes(), presented("sha256=" + sign("{\"a\":1}", Encoding.HEX), null), NOW))
                .hasMessageContaining("does not match");
    }

    @Test
    void hubspotV3StyleSignsMethodUriBodyAndTimestamp() {
        Auth auth = hmac(SignedContent.METHOD_URI_BODY_TIMESTAMP, Encoding.BASE64, null);
        String ts = Long.toString(NOW.toEpochMilli());
        String good = sign("POST" + "https://bridge.example/events/x?a=b" + "{\"a\":1}" + ts, Encoding.BASE64);
        assertThatCode(() -> SignatureCheck.verify(auth, BODY, presented(good, ts), NOW)).doesNotThrowAnyException();
        // the same signature replayed six minutes later is refused
        assertThatThrownBy(() -> SignatureCheck.verify(auth, BODY, presented(good, ts), NOW.plusSeconds(360)))
                .hasMessageContaining("outside the tolerance");
        // another URI does not verify
        assertThatThrownBy(() -> SignatureCheck.verify(auth, BODY,
                new SignatureCheck.Presented(null, good, ts, "POST", "https://evil.example/events/x?a=b"), NOW))
                .hasMessageContaining("does not match");
    }

    @Test
    void timestampBodySecondsAndMissingTimestamp() {
        Auth auth = hmac(SignedContent.TIMESTAMP_BODY, Encoding.HEX, null);
        String ts = Long.toString(NOW.getEpochSecond());
        assertThatCode(() -> SignatureCheck.verify(auth, BODY, presented(sign(ts + ".{\"a\":1}", Encoding.HEX), ts), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SignatureCheck.verify(auth, BODY, presented(sign(ts + ".{\"a\":1}", Encoding.HEX), null), NOW))
                .hasMessageContaining("timestamp header missing");
        assertThatThrownBy(() -> SignatureCheck.verify(auth, BODY, presented(sign(ts + ".{\"a\":1}", Encoding.HEX), "soon"), NOW))
                .hasMessageContaining("not a number");
    }

    @Test
    void bearerAndMissingSecret() {
        Auth bearer = new TestAuth(Mode.BEARER, Optional.of("tok"), "X-Signature", Encoding.HEX, Optional.empty(),
                SignedContent.BODY, "X-Timestamp", Duration.ofMinutes(5), Optional.empty());
        assertThatCode(() -> SignatureCheck.verify(bearer, BODY, new SignatureCheck.Presented("Bearer tok", null, null, "POST", "/"), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SignatureCheck.verify(bearer, BODY, new SignatureCheck.Presented("Bearer tok2", null, null, "POST", "/"), NOW))
                .isInstanceOf(WebhookRejected.class);
        Auth none = new TestAuth(Mode.BEARER, Optional.empty(), "X-Signature", Encoding.HEX, Optional.empty(),
                SignedContent.BODY, "X-Timestamp", Duration.ofMinutes(5), Optional.empty());
        WebhookRejected rejected = org.junit.jupiter.api.Assertions.assertThrows(WebhookRejected.class,
                () -> SignatureCheck.verify(none, BODY, new SignatureCheck.Presented("Bearer ", null, null, "POST", "/"), NOW));
        assertThat(rejected.status()).isEqualTo(401);
    }
}
