package io.crmbridge.sandbox.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.HubSpotError;

/** Property validation against the catalog, and the HubSpot error body it produces. */
class PropertyValidatorTest {

    @Test
    void acceptsKnownPropertiesAndDropsManagedOnes() {
        Map<String, String> in = new HashMap<>();
        in.put("email", "a@b.test");
        in.put("lifecyclestage", "customer");
        in.put("hs_object_id", "12");
        in.put("crmbridge_event_id", "evt-1");
        in.put("phone", null);
        Map<String, String> out = PropertyValidator.checked(ObjectType.CONTACTS, in);
        assertThat(out).containsEntry("email", "a@b.test").containsEntry("crmbridge_event_id", "evt-1")
                .containsEntry("phone", "").doesNotContainKey("hs_object_id");
    }

    @Test
    void reportsEveryProblemWithItsCode() {
        List<PropertyValidator.Problem> problems = PropertyValidator.problems(ObjectType.DEALS,
                Map.of("colour", "red", "dealstage", "won", "amount", "lots", "closedate", "soon"));
        assertThat(problems).extracting(PropertyValidator.Problem::code).containsExactlyInAnyOrder(
                "PROPERTY_DOESNT_EXIST", "INVALID_OPTION", "INVALID_DECIMAL", "INVALID_DATE");
        assertThat(PropertyValidator.problems(ObjectType.DEALS,
                Map.of("dealstage", "closedwon", "amount", "12.5", "closedate", "2026-03-01"))).isEmpty();
        assertThat(PropertyValidator.problems(ObjectType.TASKS, Map.of("hs_task_status", "COMPLETED"))).isEmpty();
        assertThat(PropertyValidator.problems(ObjectType.TASKS, Map.of("hs_task_status", "completed"))).hasSize(1);
    }

    @Test
    void errorBodyCarriesTheProblemsInMessageAndDetails() {
        assertThatThrownBy(() -> PropertyValidator.checked(ObjectType.COMPANIES, Map.of("nope", "x")))
                .isInstanceOfSatisfying(SandboxApiException.class, e -> {
                    HubSpotError body = e.error();
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(body.category()).isEqualTo("VALIDATION_ERROR");
                    assertThat(body.message()).startsWith("Property values were not valid: [{\"isValid\":false,")
                            .contains("\"error\":\"PROPERTY_DOESNT_EXIST\"", "\"name\":\"nope\"");
                    assertThat(body.errors()).singleElement().satisfies(d -> {
                        assertThat(d.code()).isEqualTo("PROPERTY_DOESNT_EXIST");
                        assertThat(d.context()).containsEntry("propertyName", List.of("nope"));
                    });
                });
    }

    @Test
    void everyTypeKnowsTheBridgeProperties() {
        for (ObjectType t : ObjectType.values()) {
            assertThat(PropertyCatalog.find(t, PropertyCatalog.ORIGIN)).isPresent();
            assertThat(PropertyCatalog.find(t, PropertyCatalog.EVENT_ID)).isPresent();
        }
        assertThat(ObjectType.find("0-3")).contains(ObjectType.DEALS);
        assertThat(ObjectType.find("contact")).contains(ObjectType.CONTACTS);
        assertThat(ObjectType.find("widgets")).isEmpty();
    }
}
