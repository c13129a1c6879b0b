package io.crmbridge.sandbox.clio;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Creates many plain records at once for paging tests: Person contacts, or matters each with a client of its own. */
@ApplicationScoped
public class ClioSeeder {

    private final ClioRecords records;

    ClioSeeder(ClioRecords records) {
        this.records = records;
    }

    public Map<String, Object> seed(ClioResourceType type, int count) {
        long first = -1;
        long last = -1;
        for (int i = 1; i <= count; i++) {
            ClioRecord r = switch (type) {
                case CONTACTS -> person(i);
                case MATTERS -> {
                    ClioRecord client = person(i);
                    ObjectNode matter = JsonNodeFactory.instance.objectNode().put("description", "Seeded matter " + i);
                    matter.putObject("client").put("id", client.id());
                    yield records.create(ClioResourceType.MATTERS, matter);
                }
                default -> throw ClioApiException.badRequest("seed serves contacts and matters");
            };
            first = first < 0 ? r.id() : first;
            last = r.id();
        }
        return Map.of("resource", type.apiName(), "created", count, "firstId", first, "lastId", last);
    }

    private ClioRecord person(int i) {
        ObjectNode contact = JsonNodeFactory.instance.objectNode().put("type", "Person").put("first_name", "Seed")
                .put("last_name", "Person" + i).put("name", "Seed Person" + i);
        contact.putArray("email_addresses").addObject().put("name", "Work").put("address", "seed" + i + "@example.test")
                .put("default_email", true);
        return records.create(ClioResourceType.CONTACTS, contact);
    }
}
