package io.crmbridge.sandbox.associations;

import static io.crmbridge.sandbox.SandboxClient.createContact;
import static io.crmbridge.sandbox.SandboxClient.crm;
import static io.crmbridge.sandbox.SandboxClient.uniqueEmail;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.SandboxClient;
import io.quarkus.test.junit.QuarkusTest;

/** Associations v4: default and typed associations, both directions, idempotence, batch endpoints, errors. */
@QuarkusTest
class AssociationsTest {

    @Test
    void defaultAssociationIsVisibleFromBothSidesAndNotDuplicated() {
        String contact = createContact(uniqueEmail("assoc"));
        String company = SandboxClient.create("companies", "{\"name\":\"Assoc Co\"}");
        for (int i = 0; i < 2; i++) {
            crm().put("/crm/v4/objects/contacts/" + contact + "/associations/default/companies/" + company)
                    .then().statusCode(200)
                    .body("status", equalTo("COMPLETE"))
                    .body("results[0].from.id", equalTo(contact))
                    .body("results[0].to.id", equalTo(company))
                    .body("results[0].associationSpec.associationCategory", equalTo("HUBSPOT_DEFINED"))
                    .body("results[0].associationSpec.associationTypeId", equalTo(279));
        }
        crm().get("/crm/v4/objects/contacts/" + contact + "/associations/companies").then().statusCode(200)
                .body("results", hasSize(1))
                .body("results[0].toObjectId", equalTo(company))
                .body("results[0].associationTypes", hasSize(1))
                .body("results[0].associationTypes[0].typeId", equalTo(279))
                .body("results[0].associationTypes[0].category", equalTo("HUBSPOT_DEFINED"));
        crm().get("/crm/v4/objects/companies/" + company + "/associations/contacts").then().statusCode(200)
                .body("results[0].toObjectId", equalTo(contact))
                .body("results[0].associationTypes[0].typeId", equalTo(280));
    }

    @Test
    void typedAssociationAddsThePrimaryLabel() {
        String deal = SandboxClient.create("deals", "{\"dealname\":\"Typed\"}");
        String company = SandboxClient.create("companies", "{\"name\":\"Typed Co\"}");
        crm().body("[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":5}]")
                .put("/crm/v4/objects/deals/" + deal + "/associations/companies/" + company).then().statusCode(201)
                .body("fromObjectTypeId", equalTo("0-3"))
                .body("toObjectTypeId", equalTo("0-2"))
                .body("labels", equalTo(List.of("Primary")));
        crm().put("/crm/v4/objects/deals/" + deal + "/associations/default/companies/" + company).then().statusCode(200)
                .body("results[0].associationSpec.associationTypeId", equalTo(341));
        crm().get("/crm/v4/objects/0-3/" + deal + "/associations/companies").then().statusCode(200)
                .body("results[0].associationTypes.typeId", containsInAnyOrder(5, 341));
        crm().body("[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":202}]")
                .put("/crm/v4/objects/deals/" + deal + "/associations/companies/" + company).then().statusCode(400);
    }

    @Test
    void unknownRecordsAnswerTheErrorShape() {
        String contact = createContact(uniqueEmail("assoc404"));
        crm().put("/crm/v4/objects/contacts/" + contact + "/associations/default/companies/999999995")
                .then().statusCode(404).body("category", equalTo("OBJECT_NOT_FOUND")).body("status", equalTo("error"));
        crm().get("/crm/v4/objects/contacts/999999995/associations/companies").then().statusCode(404);
    }

    @Test
    void batchCreateAssociateDefaultAndRead() {
        String note = SandboxClient.create("notes", "{\"hs_note_body\":\"batch\"}");
        String task = SandboxClient.create("tasks", "{\"hs_task_subject\":\"batch\"}");
        String c1 = createContact(uniqueEmail("b1"));
        String c2 = createContact(uniqueEmail("b2"));
        crm().body("{\"inputs\":[{\"from\":{\"id\":\"" + note + "\"},\"to\":{\"id\":\"" + c1 + "\"},"
                + "\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":202}]},"
                + "{\"from\":{\"id\":\"" + note + "\"},\"to\":{\"id\":\"999999994\"},"
                + "\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":202}]}]}")
                .post("/crm/v4/associations/notes/contacts/batch/create").then().statusCode(207)
                .body("results", hasSize(1))
                .body("results[0].fromObjectId", equalTo(note))
                .body("results[0].toObjectId", equalTo(c1))
                .body("numErrors", equalTo(1));
        crm().body("{\"inputs\":[{\"from\":{\"id\":\"" + task + "\"},\"to\":{\"id\":\"" + c1 + "\"}},"
                + "{\"from\":{\"id\":\"" + task + "\"},\"to\":{\"id\":\"" + c2 + "\"}},"
                + "{\"from\":{\"id\":\"" + task + "\"},\"to\":{\"id\":\"" + c2 + "\"}}]}")
                .post("/crm/v4/associations/tasks/contacts/batch/associate/default").then().statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].associationSpec.associationTypeId", equalTo(204));
        crm().body("{\"inputs\":[{\"id\":\"" + task + "\"},{\"id\":\"" + note + "\"}]}")
                .post("/crm/v4/associations/tasks/contacts/batch/read").then().statusCode(207)
                .body("results", hasSize(1))
                .body("results[0].from.id", equalTo(task))
                .body("results[0].to.toObjectId", containsInAnyOrder(c1, c2))
                .body("numErrors", equalTo(1));
        crm().get("/crm/v4/objects/contacts/" + c1 + "/associations/notes").then().statusCode(200)
                .body("results[0].toObjectId", equalTo(note))
                .body("results[0].associationTypes[0].typeId", equalTo(201));
    }

    @Test
    void associationsGivenAtCreationAreStored() {
        String company = SandboxClient.create("companies", "{\"name\":\"At Create\"}");
        String contact = crm().body("{\"properties\":{\"email\":\"" + uniqueEmail("atcreate") + "\"},"
                + "\"associations\":[{\"to\":{\"id\":" + company + "},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\","
                + "\"associationTypeId\":279}]}]}")
                .post("/crm/v3/objects/contacts").then().statusCode(201).extract().path("id");
        crm().get("/crm/v4/objects/companies/" + company + "/associations/contacts").then()
                .body("results.toObjectId", equalTo(List.of(contact)));
        crm().body("{\"properties\":{\"email\":\"" + uniqueEmail("atcreate") + "\"},"
                + "\"associations\":[{\"to\":{\"id\":\"999999993\"},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\","
                + "\"associationTypeId\":279}]}]}")
                .post("/crm/v3/objects/contacts").then().statusCode(400);
    }

    @Test
    void deleteRemovesBothSides() {
        String contact = createContact(uniqueEmail("del"));
        String deal = SandboxClient.create("deals", "{\"dealname\":\"Del\"}");
        crm().put("/crm/v4/objects/deals/" + deal + "/associations/default/contacts/" + contact).then()
                .statusCode(200).body("results[0].associationSpec.associationTypeId", equalTo(3));
        crm().delete("/crm/v4/objects/contacts/" + contact + "/associations/deals/" + deal).then().statusCode(204);
        crm().get("/crm/v4/objects/deals/" + deal + "/associations/contacts").then().body("results", hasSize(0));
    }
}
