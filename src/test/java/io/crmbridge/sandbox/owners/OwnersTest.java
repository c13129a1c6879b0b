package io.crmbridge.sandbox.owners;

import static io.crmbridge.sandbox.SandboxClient.STATIC_TOKEN;
import static io.crmbridge.sandbox.SandboxClient.withToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.SandboxPaths;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** HubSpot's owners API over the seeded owners, plus owners added and archived through the control endpoint. */
@QuarkusTest
class OwnersTest {

    private static final String OWNERS = SandboxPaths.HUBSPOT + "/crm/v3/owners";
    private static final String CONTROL = SandboxPaths.CONTROL + "/owners";

    @Test
    void listsActiveOwnersByDefault() {
        withToken(STATIC_TOKEN).get(OWNERS).then()
                .statusCode(200)
                .body("results.email", hasItem("alice.owner@crm-bridge.example"))
                .body("results.email", not(hasItem("dave.former@crm-bridge.example")))
                .body("results.archived", everyItem(equalTo(false)))
                .body("results.type", everyItem(equalTo("PERSON")))
                .body("results[0].id", notNullValue())
                .body("results[0].userId", notNullValue())
                .body("results[0].createdAt", notNullValue())
                .body("results[0].updatedAt", notNullValue())
                .body("results[0].teams[0].primary", equalTo(true));
    }

    @Test
    void archivedTrueListsOnlyArchivedOwnersWhichHaveNoActiveUserId() {
        withToken(STATIC_TOKEN).queryParam("archived", true).get(OWNERS).then()
                .statusCode(200)
                .body("results.archived", everyItem(equalTo(true)))
                .body("results.find { it.email == 'dave.former@crm-bridge.example' }.userId", nullValue())
                .body("results.find { it.email == 'dave.former@crm-bridge.example' }.userIdIncludingInactive", notNullValue());
    }

    @Test
    void filtersByEmail() {
        withToken(STATIC_TOKEN).queryParam("email", "bob.owner@crm-bridge.example").get(OWNERS).then()
                .statusCode(200)
                .body("results.size()", equalTo(1))
                .body("results[0].firstName", equalTo("Bob"))
                .body("paging", nullValue());
        withToken(STATIC_TOKEN).queryParam("email", "nobody@crm-bridge.example").get(OWNERS).then()
                .statusCode(200).body("results.size()", equalTo(0));
    }

    @Test
    void pagesWithLimitAndAfter() {
        List<String> first = withToken(STATIC_TOKEN).queryParam("limit", 1).get(OWNERS).then()
                .statusCode(200)
                .body("results.size()", equalTo(1))
                .body("paging.next.after", notNullValue())
                .extract().path("results.id");
        String after = withToken(STATIC_TOKEN).queryParam("limit", 1).get(OWNERS).then().extract().path("paging.next.after");

        List<String> second = withToken(STATIC_TOKEN).queryParam("limit", 1).queryParam("after", after).get(OWNERS).then()
                .statusCode(200).body("results.size()", equalTo(1)).extract().path("results.id");

        assertThat(second).doesNotContainAnyElementsOf(first);
        assertThat(Long.parseLong(second.get(0))).isGreaterThan(Long.parseLong(first.get(0)));
    }

    @Test
    void rejectsBadListParameters() {
        withToken(STATIC_TOKEN).queryParam("limit", 0).get(OWNERS).then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"));
        withToken(STATIC_TOKEN).queryParam("limit", 501).get(OWNERS).then().statusCode(400);
        withToken(STATIC_TOKEN).queryParam("after", "x").get(OWNERS).then().statusCode(400);
    }

    @Test
    void getsOneOwnerByIdOrByUserId() {
        String id = firstOwnerId("alice.owner@crm-bridge.example");
        int userId = withToken(STATIC_TOKEN).get(OWNERS + "/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("email", equalTo("alice.owner@crm-bridge.example"))
                .extract().path("userId");

        withToken(STATIC_TOKEN).queryParam("idProperty", "userId").get(OWNERS + "/" + userId).then()
                .statusCode(200).body("id", equalTo(id));
    }

    @Test
    void anArchivedOwnerIsFoundOnlyWithArchivedTrue() {
        String id = withToken(STATIC_TOKEN).queryParam("archived", true).queryParam("email", "dave.former@crm-bridge.example")
                .get(OWNERS).then().extract().path("results[0].id");

        withToken(STATIC_TOKEN).get(OWNERS + "/" + id).then().statusCode(404).body("category", equalTo("OBJECT_NOT_FOUND"));
        withToken(STATIC_TOKEN).queryParam("archived", true).get(OWNERS + "/" + id).then()
                .statusCode(200).body("archived", equalTo(true));
    }

    @Test
    void rejectsUnknownAndMalformedIds() {
        withToken(STATIC_TOKEN).get(OWNERS + "/999").then().statusCode(404);
        withToken(STATIC_TOKEN).get(OWNERS + "/abc").then().statusCode(400);
        withToken(STATIC_TOKEN).queryParam("idProperty", "email").get(OWNERS + "/1").then().statusCode(400);
    }

    @Test
    void ownersNeedABearerToken() {
        given().get(OWNERS).then().statusCode(401).body("category", equalTo("INVALID_AUTHENTICATION"));
    }

    @Test
    void controlEndpointAddsAndArchivesOwners() {
        String email = "owner-" + UUID.randomUUID() + "@crm-bridge.example";
        String id = given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"firstName\":\"Erin\",\"lastName\":\"Example\"}")
                .post(CONTROL).then()
                .statusCode(201)
                .body("archived", equalTo(false))
                .body("userId", notNullValue())
                .extract().path("id");
        withToken(STATIC_TOKEN).queryParam("email", email).get(OWNERS).then().body("results[0].id", equalTo(id));

        given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}").post(CONTROL).then().statusCode(409);

        given().post(CONTROL + "/" + id + "/archive").then().statusCode(200)
                .body("archived", equalTo(true)).body("userId", nullValue());

        withToken(STATIC_TOKEN).queryParam("email", email).get(OWNERS).then().body("results.size()", equalTo(0));
        withToken(STATIC_TOKEN).queryParam("email", email).queryParam("archived", true).get(OWNERS).then()
                .body("results[0].id", equalTo(id));
        given().post(CONTROL + "/1/archive").then().statusCode(404);
    }

    private static String firstOwnerId(String email) {
        return withToken(STATIC_TOKEN).queryParam("email", email).get(OWNERS).then().statusCode(200)
                .extract().path("results[0].id");
    }
}
