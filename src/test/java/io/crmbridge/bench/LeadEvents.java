package io.crmbridge.bench;

/** Web-form lead events as a source sends them to {@code POST /events/webform} (contact, company, deal, note). */
final class LeadEvents {

    static final String SOURCE_SECRET = "bench-webform-secret";

    private LeadEvents() {
    }

    static String lead(String id) {
        return """
                {"submission_id": "%1$s", "email": "%1$s@example.org", "name": "Bench %1$s", "phone": "(415) 555-0132",
                 "company": "Bench Co %1$s", "website": "%1$s.example", "budget": "10k-50k", "urgency": "high",
                 "message": "Our intake is manual", "consent": true, "stack": ["hubspot", "zapier"],
                 "routing": {"qualification_status": "qualified", "lead_score": 72, "routing_tier": "smb",
                             "target_pipeline": "default"},
                 "ai": {"model": "intake-v1", "confidence": 0.82, "summary": "Wants automation"}}"""
                .formatted(id);
    }
}
