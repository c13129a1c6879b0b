package io.crmbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmbridge.testsupport.AppProcess;
import io.crmbridge.testsupport.TestHttp;

/**
 * The baseline: a lead event written as a no-code tool's workflow would write it, one step per API call, straight
 * against the CRM sandbox's HubSpot API. Full lead: search the contact by email, create it (update it when found),
 * search the company by domain, create it when not found, create the deal, associate contact-company, deal-contact
 * and deal-company, create the note (linked to the contact in its create). Contact-only: search, then create or
 * update. Events run on a few concurrent workers, as a tool runs several executions at once.
 */
final class NaiveIntegration {

    private final CrmSandbox crm;
    private final String run;

    NaiveIntegration(CrmSandbox crm, String run) {
        this.crm = crm;
        this.run = run;
    }

    /**
     * Events per second and CRM calls per event (counted by the sandbox) for {@code events} events, or for as many as
     * finish within {@code budget} on a slow machine (each event started is finished).
     */
    Result fullLeads(int events, int workers, Duration budget) {
        return measure(events, workers, budget, this::fullLead);
    }

    Result contactsOnly(int events, int workers, Duration budget) {
        return measure(events, workers, budget, i -> upsertContact(i, "solo"));
    }

    private Result measure(int events, int workers, Duration budget, IntConsumer event) {
        crm.resetCounters();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < events && System.nanoTime() < deadline;
                            i = next.getAndIncrement()) {
                        event.accept(i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("naive integration failed", e);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CrmSandbox.Calls calls = crm.calls();
        // Workers that found the budget spent took a number without running it.
        return new Result(Math.min(events, next.get() - workers), seconds, calls);
    }

    private void fullLead(int i) {
        String contactId = upsertContact(i, "naive");
        String domain = "naive-" + run + "-" + i + ".example";
        String companyId = firstId(search("companies", "domain", domain));
        if (companyId == null) {
            companyId = create("companies", Map.of("properties", Map.of("name", "Naive Co " + i, "domain", domain)));
        }
        String dealId = create("deals", Map.of("properties", Map.of("dealname", "Naive deal " + i, "pipeline", "default",
                "dealstage", "appointmentscheduled")));
        associate("contacts", contactId, "companies", companyId);
        associate("deals", dealId, "contacts", contactId);
        associate("deals", dealId, "companies", companyId);
        create("notes", Map.of("properties", Map.of("hs_note_body", "Lead from the web form, event " + i,
                "hs_timestamp", Long.toString(System.currentTimeMillis())),
                "associations", List.of(Map.of("to", Map.of("id", contactId),
                        "types", List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 202))))));
    }

    private String upsertContact(int i, String prefix) {
        String email = prefix + "-" + run + "-" + i + "@example.org";
        Map<String, Object> properties = Map.of("email", email, "firstname", "Naive", "lastname", "Lead " + i,
                "phone", "+14155550132");
        String found = firstId(search("contacts", "email", email));
        if (found != null) {
            call("PATCH", "/crm/v3/objects/contacts/" + found, Map.of("properties", properties), 200);
            return found;
        }
        return create("contacts", Map.of("properties", properties));
    }

    private JsonNode search(String type, String property, String value) {
        return call("POST", "/crm/v3/objects/" + type + "/search", Map.of("filterGroups", List.of(Map.of("filters",
                List.of(Map.of("propertyName", property, "operator", "EQ", "value", value)))), "limit", 1), 200);
    }

    private static String firstId(JsonNode searchAnswer) {
        JsonNode results = searchAnswer.path("results");
        return results.isEmpty() ? null : results.get(0).path("id").asText();
    }

    private String create(String type, Map<String, Object> body) {
        return call("POST", "/crm/v3/objects/" + type, body, 201).path("id").asText();
    }

    private void associate(String from, String fromId, String to, String toId) {
        call("PUT", "/crm/v4/objects/" + from + "/" + fromId + "/associations/default/" + to + "/" + toId, null, 200);
    }

    /** One API call; a 429 is waited out (Retry-After) and sent again, as the tools do. */
    private JsonNode call(String method, String path, Object body, int expected) {
        while (true) {
            TestHttp.Answer a = TestHttp.send(method, crm.base() + path, TestHttp.bearer(CrmSandbox.TOKEN), body,
                    TestHttp.DEFAULT_TIMEOUT);
            if (a.status() == 429) {
                AppProcess.pause(1_000);
                continue;
            }
            return a.json(expected);
        }
    }

    record Result(int events, double seconds, CrmSandbox.Calls calls) {
        double eventsPerSecond() {
            return events / seconds;
        }

        double callsPerEvent() {
            return (double) calls.answered() / events;
        }
    }
}
