package io.crmbridge.outbound.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.outbound.SourcesConfig;
import io.crmbridge.outbound.receive.SignatureCheck;

/**
 * Step of route {@code demo-traffic} (demo profile only): the next sample event, signed the way its source expects,
 * addressed to this application's own receiver. Submission and payment ids carry the start time, so every run's
 * events are new to the ledger while the sandbox CRM starts empty.
 */
@ApplicationScoped
@Named("demoTraffic")
public class DemoTraffic {

    record Sample(String source, String body) {
    }

    private final SourcesConfig sources;
    private final String run = Long.toString(Instant.now().getEpochSecond(), 36);
    private final AtomicInteger next = new AtomicInteger();

    DemoTraffic(SourcesConfig sources) {
        this.sources = sources;
    }

    public void next(Exchange exchange) {
        List<Sample> samples = samples();
        Sample sample = samples.get(next.getAndIncrement() % samples.size());
        Message in = exchange.getMessage();
        in.getHeaders().clear();
        in.setHeader(ExchangeKeys.DEMO_SOURCE, sample.source());
        // web-form leads may go through another route first (routes/clio-matter.yaml: POST /leads, to both CRMs)
        in.setHeader(ExchangeKeys.DEMO_PATH, "webform".equals(sample.source())
                ? exchange.getContext().resolvePropertyPlaceholders("{{crmbridge.demo.webform-path}}")
                : "events/" + sample.source());
        in.setHeader(Exchange.HTTP_METHOD, "POST");
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        sign(in, sample, exchange.getContext().resolvePropertyPlaceholders("{{quarkus.http.port:8080}}"));
        in.setBody(sample.body());
    }

    private void sign(Message in, Sample sample, String port) {
        SourcesConfig.Auth auth = sources.sources().get(sample.source()).auth();
        byte[] secret = auth.secret().orElse("").getBytes(StandardCharsets.UTF_8);
        if (auth.mode() == SourcesConfig.Mode.BEARER) {
            in.setHeader("Authorization", "Bearer " + auth.secret().orElse(""));
            return;
        }
        String ts = Long.toString(Instant.now().toEpochMilli());
        String content = switch (auth.signedContent()) {
            case BODY -> sample.body();
            case TIMESTAMP_BODY -> ts + "." + sample.body();
            case METHOD_URI_BODY_TIMESTAMP -> "POST" + "http://localhost:" + port + "/events/" + sample.source() + sample.body() + ts;
        };
        byte[] mac = SignatureCheck.sign(secret, content.getBytes(StandardCharsets.UTF_8));
        in.setHeader(auth.timestampHeader(), ts);
        in.setHeader(auth.signatureHeader(), auth.signaturePrefix().orElse("")
                + (auth.encoding() == SourcesConfig.Encoding.HEX ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac)));
    }

    private List<Sample> samples() {
        String lead = """
                {"submission_id": "demo-%s-%s", "email": "%s", "name": "%s", "phone": "%s", "company": "%s",
                 "website": "%s", "budget": "10k-50k", "urgency": "high", "message": "%s", "consent": true,
                 "routing": {"qualification_status": "qualified", "lead_score": %s, "routing_tier": "%s"},
                 "ai": {"model": "intake-demo", "confidence": 0.9, "summary": "%s"}}""";
        return List.of(
                new Sample("webform", lead.formatted(run, 1, "ada@analytical.example", "Ada Lovelace", "+44 20 7946 0001",
                        "Analytical Engines", "https://www.analytical.example", "Manual intake of leads", "72", "smb",
                        "Wants CRM automation")),
                new Sample("webform", lead.formatted(run, 2, "grace@cobol.example", "Grace Hopper", "(415) 555-0132",
                        "Cobol Works", "cobol.example", "Needs routing by region", "88", "enterprise", "Enterprise lead")),
                // the same submission again: a duplicate, nothing is written twice
                new Sample("webform", lead.formatted(run, 1, "ada@analytical.example", "Ada Lovelace", "+44 20 7946 0001",
                        "Analytical Engines", "https://www.analytical.example", "Manual intake of leads", "72", "smb",
                        "Wants CRM automation")),
                new Sample("payments", """
                        {"id": "evt_demo_%s", "type": "checkout.session.completed", "created": %d,
                         "data": {"object": {"id": "cs_demo_%s", "amount_total": 129900, "currency": "eur",
                           "customer_details": {"email": "ada@analytical.example", "name": "Ada Lovelace"},
                           "metadata": {"company_name": "Analytical Engines", "company_domain": "analytical.example"}}}}"""
                        .formatted(run, Instant.now().getEpochSecond(), run)),
                new Sample("bookings", """
                        {"event": "invitee.created", "created_at": "%s",
                         "payload": {"uri": "https://calendly.example/invitees/demo-%s", "email": "alan@bletchley.example",
                           "name": "Alan Turing", "scheduled_event": {"name": "Intro call", "start_time": "%s"},
                           "questions_and_answers": [{"question": "Company", "answer": "Bletchley Labs"},
                                                     {"question": "Website", "answer": "bletchley.example"}]}}"""
                        .formatted(Instant.now(), run, Instant.now().plusSeconds(86400))),
                // AI output that fails its schema: goes to review, nothing reaches the CRM
                new Sample("webform", lead.formatted(run, 3, "eve@example.org", "Eve Invalid", "", "Nowhere", "nowhere.example",
                        "-", "\"very high\"", "smb", "Score is not a number")));
    }
}
