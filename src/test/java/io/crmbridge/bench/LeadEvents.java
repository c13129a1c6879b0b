package io.crmbridge.bench;

import io.crmbridge.outbound.OutboundTestSupport;

/** Web-form lead events as a source sends them to {@code POST /events/webform} (contact, company, deal, note). */
final class LeadEvents {

    static final String SOURCE_SECRET = "bench-webform-secret";

    private LeadEvents() {
    }

    static String lead(String id) {
        return OutboundTestSupport.lead(id, id + "@example.org", "Bench " + id, "Bench Co " + id, id + ".example");
    }
}
