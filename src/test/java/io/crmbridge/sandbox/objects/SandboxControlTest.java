package io.crmbridge.sandbox.objects;

import static io.crmbridge.testsupport.SandboxControl.control;
import static io.crmbridge.sandbox.SandboxClient.createContact;
import static io.crmbridge.sandbox.SandboxClient.crm;
import static io.crmbridge.sandbox.SandboxClient.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The record-store controls: clock offset, inserts past uniqueness, bulk touch, human edits, seed, reset. */
@QuarkusTest
class SandboxControlTest {

    @Test
    void clockOffsetShiftsTheCrmTimestamps() {
        // Every time here is the sandbox's own: its clock read without the offset just before and just after the
        // create bounds the moment of the create, so the record's stamp lies 60 s before that span on any machine.
        Instant before = sandboxNow();
        String created;
        try {
            control().body("{\"offsetSeconds\":-60}").put("/clock").then().statusCode(200)
                    .body("offsetSeconds", equalTo(-60));
            created = crm().body("{\"properties\":{\"email\":\"" + uniqueEmail("skew") + "\"}}")
                    .post("/crm/v3/objects/contacts").then().statusCode(201).extract().path("createdAt");
        } finally {
            control().body("{\"offsetSeconds\":0}").put("/clock").then().statusCode(200);
        }
        control().get("/clock").then().body("offsetSeconds", equalTo(0));
        Instant after = sandboxNow();
        assertThat(Instant.parse(created)).isBetween(before.minus(Duration.ofSeconds(60)), after.minus(Duration.ofSeconds(60)));
        control().body("{}").put("/clock").then().statusCode(400);
    }

    private static Instant sandboxNow() {
        return Instant.parse(control().get("/clock").then().statusCode(200).body("offsetSeconds", equalTo(0))
                .extract().<String>path("now"));
    }

    @Test
    void insertBypassesEmailUniqueness() {
        String email = uniqueEmail("twin");
        String first = createContact(email);
        String second = control().body("{\"properties\":{\"email\":\"" + email + "\"},"
                + "\"updatedAt\":\"2026-01-02T03:04:05.678Z\"}")
                .post("/objects/contacts").then().statusCode(201)
                .body("properties.hs_lastmodifieddate", equalTo("2026-01-02T03:04:05.678Z"))
                .extract().path("id");
        assertThat(second).isNotEqualTo(first);
        crm().body("{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"email\",\"operator\":\"EQ\",\"value\":\"" + email
                + "\"}]}]}").post("/crm/v3/objects/contacts/search").then().statusCode(200).body("total", equalTo(2));
        control().body("{\"properties\":{\"nope\":\"x\"}}").post("/objects/contacts").then().statusCode(400);
    }

    @Test
    void humanEditChangesARecordAndItsModificationTime() {
        String id = createContact(uniqueEmail("human"));
        String before = crm().get("/crm/v3/objects/contacts/" + id).then().extract().path("updatedAt");
        org.awaitility.Awaitility.await().until(() -> control().get("/clock").then().extract()
                .<String>path("now").compareTo(before) > 0);
        control().body("{\"objectType\":\"contacts\",\"id\":\"" + id + "\",\"properties\":{\"jobtitle\":\"CTO\"}}")
                .post("/human-edit").then().statusCode(200)
                .body("properties.jobtitle", equalTo("CTO"))
                .body("updatedAt", not(equalTo(before)));
        control().body("{\"objectType\":\"contacts\",\"id\":\"999999992\",\"properties\":{\"jobtitle\":\"CTO\"}}")
                .post("/human-edit").then().statusCode(404);
        control().post("/human-edit/random").then().statusCode(200);
    }

    @Test
    void seedBulkTouchAndReset() {
        control().body("{\"contacts\":20000,\"companies\":50,\"deals\":50}").post("/seed").then().statusCode(200)
                .body("contacts", equalTo(20000)).body("deals", equalTo(50));
        String stamp = "2026-06-30T23:59:59.000Z";
        control().body("{\"objectType\":\"contacts\",\"count\":12000,\"timestamp\":\"" + stamp + "\"}")
                .post("/bulk-touch").then().statusCode(200).body("touched", equalTo(12000));
        String filter = "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_lastmodifieddate\",\"operator\":\"EQ\","
                + "\"value\":\"" + stamp + "\"}]}],\"sorts\":[\"hs_lastmodifieddate\"],\"limit\":200";
        crm().body(filter + "}").post("/crm/v3/objects/contacts/search").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(12000))
                .body("paging.next.after", equalTo("200"));
        crm().body(filter + ",\"after\":\"9800\"}").post("/crm/v3/objects/contacts/search").then().statusCode(200)
                .body("paging.next.after", equalTo("10000"));
        crm().body(filter + ",\"after\":\"10000\"}").post("/crm/v3/objects/contacts/search").then().statusCode(400);

        control().delete("/objects").then().statusCode(204);
        crm().body("{\"limit\":1}").post("/crm/v3/objects/contacts/search").then().statusCode(200).body("total", equalTo(0));
        control().body("{\"contacts\":-1}").post("/seed").then().statusCode(400);
    }
}
