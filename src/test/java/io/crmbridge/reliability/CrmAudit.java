package io.crmbridge.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmbridge.testsupport.TestHttp;

/**
 * What the CRM holds after a run of lead events, read from the sandbox through its API: one contact per email, one
 * company per domain, one deal per contact (and pipeline: the runs use one), the three associations (contact-company,
 * deal-contact, deal-company), and one note per event that ended DONE. Every departure is counted.
 */
final class CrmAudit {

    private final SandboxUnderTest crm;

    CrmAudit(SandboxUnderTest crm) {
        this.crm = crm;
    }

    /** {@code doneEventsByEmail}: per person, how many of their events were written (each has one note). */
    Map<String, Object> leads(LeadTraffic traffic, Map<String, Long> doneEventsByEmail) {
        Map<String, List<String>> contactsByEmail = group("contacts", "email");
        Map<String, List<String>> companiesByDomain = group("companies", "domain");

        long duplicateContacts = 0;
        long missingContacts = 0;
        List<String> contactIds = new ArrayList<>();
        Map<String, String> emailOfContact = new HashMap<>();
        for (int p = 0; p < traffic.people; p++) {
            List<String> found = contactsByEmail.getOrDefault(traffic.email(p), List.of());
            duplicateContacts += Math.max(0, found.size() - 1);
            missingContacts += found.isEmpty() ? 1 : 0;
            if (found.size() == 1) {
                contactIds.add(found.get(0));
                emailOfContact.put(found.get(0), traffic.email(p));
            }
        }
        long duplicateCompanies = 0;
        long missingCompanies = 0;
        Map<String, String> companyOfDomain = new HashMap<>();
        for (int c = 0; c < traffic.companies(); c++) {
            List<String> found = companiesByDomain.getOrDefault(traffic.domain(c), List.of());
            duplicateCompanies += Math.max(0, found.size() - 1);
            missingCompanies += found.isEmpty() ? 1 : 0;
            if (found.size() == 1) {
                companyOfDomain.put(traffic.domain(c), found.get(0));
            }
        }

        Map<String, List<String>> dealsOf = associations("contacts", "deals", contactIds);
        Map<String, List<String>> companiesOf = associations("contacts", "companies", contactIds);
        Map<String, List<String>> notesOf = associations("contacts", "notes", contactIds);
        List<String> dealIds = dealsOf.values().stream().flatMap(List::stream).distinct().toList();
        Map<String, List<String>> dealContacts = associations("deals", "contacts", dealIds);
        Map<String, List<String>> dealCompanies = associations("deals", "companies", dealIds);

        long dealsNotOne = 0;
        long wrongContactCompany = 0;
        long wrongDealLinks = 0;
        long extraNotes = 0;
        long missingNotes = 0;
        for (String contact : contactIds) {
            String email = emailOfContact.get(contact);
            int person = Integer.parseInt(email.substring(email.lastIndexOf('-') + 1, email.indexOf('@')));
            String company = companyOfDomain.get(traffic.domain(person / 4));
            List<String> deals = dealsOf.getOrDefault(contact, List.of());
            dealsNotOne += deals.size() == 1 ? 0 : 1;
            if (company == null || !companiesOf.getOrDefault(contact, List.of()).equals(List.of(company))) {
                wrongContactCompany++;
            }
            for (String deal : deals) {
                if (!dealContacts.getOrDefault(deal, List.of()).equals(List.of(contact))
                        || company == null || !dealCompanies.getOrDefault(deal, List.of()).equals(List.of(company))) {
                    wrongDealLinks++;
                }
            }
            long notes = notesOf.getOrDefault(contact, List.of()).size();
            long expected = doneEventsByEmail.getOrDefault(email, 0L);
            extraNotes += Math.max(0, notes - expected);
            missingNotes += Math.max(0, expected - notes);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("people", traffic.people);
        out.put("companies", traffic.companies());
        out.put("duplicateContacts", duplicateContacts);
        out.put("missingContacts", missingContacts);
        out.put("duplicateCompanies", duplicateCompanies);
        out.put("missingCompanies", missingCompanies);
        out.put("contactsWithoutExactlyOneDeal", dealsNotOne);
        out.put("contactsWithWrongCompany", wrongContactCompany);
        out.put("dealsWithWrongLinks", wrongDealLinks);
        out.put("extraNotes", extraNotes);
        out.put("missingNotes", missingNotes);
        out.put("duplicates", duplicateContacts + duplicateCompanies + dealsNotOne + extraNotes);
        return out;
    }

    /** Every record of {@code type}, grouped by the value of {@code property}. */
    Map<String, List<String>> group(String type, String property) {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode r : list(type, property)) {
            String value = r.path("properties").path(property).asText(null);
            if (value != null) {
                out.computeIfAbsent(value, k -> new ArrayList<>()).add(r.path("id").asText());
            }
        }
        return out;
    }

    List<JsonNode> list(String type, String properties) {
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = crm.crmGet("/crm/v3/objects/" + type + "?limit=100&properties=" + properties
                    + (after == null ? "" : "&after=" + after)).expectOk("list " + type).json();
            page.path("results").forEach(out::add);
            JsonNode next = page.path("paging").path("next").path("after");
            after = next.isMissingNode() || next.isNull() ? null : next.asText();
        } while (after != null);
        return out;
    }

    /** From each of {@code ids} (of {@code from}), the ids of {@code to} it is associated with. */
    Map<String, List<String>> associations(String from, String to, List<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 100) {
            List<Map<String, String>> inputs = ids.subList(i, Math.min(ids.size(), i + 100)).stream()
                    .map(id -> Map.of("id", id)).toList();
            TestHttp.Answer a = crm.crmPost("/crm/v4/associations/" + from + "/" + to + "/batch/read", Map.of("inputs", inputs));
            if (a.status() != 200 && a.status() != 207) {
                throw new IllegalStateException("associations " + from + "->" + to + ": " + a.status() + " " + a.body());
            }
            for (JsonNode r : a.json().path("results")) {
                List<String> linked = new ArrayList<>();
                r.path("to").forEach(t -> linked.add(t.path("toObjectId").asText()));
                out.put(r.path("from").path("id").asText(), List.copyOf(Set.copyOf(linked)).stream().sorted().toList());
            }
        }
        return out;
    }
}
