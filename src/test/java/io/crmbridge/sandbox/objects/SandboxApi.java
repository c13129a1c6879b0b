package io.crmbridge.sandbox.objects;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test helpers: requests to the sandbox's HubSpot API (with the static token) and to its control endpoints. */
public final class SandboxApi {

    public static final String BASE = "/sandbox/hubspot";

    private SandboxApi() {
    }

    /** A CRM API request with {@code Authorization: Bearer sandbox-token} and a JSON body. */
    public static RequestSpecification crm() {
        return given().header("Authorization", "Bearer sandbox-token").contentType(ContentType.JSON)
                .basePath(BASE);
    }

    /** A control endpoint request (no token). */
    public static RequestSpecification control() {
        return given().contentType(ContentType.JSON).basePath(BASE + "/_sandbox");
    }

    /** A unique email, so tests sharing the application never collide. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Creates a contact and answers its id. */
    public static String createContact(String email) {
        return crm().body("{\"properties\":{\"email\":\"" + email + "\",\"firstname\":\"Test\"}}")
                .post("/crm/v3/objects/contacts").then().statusCode(201).extract().path("id");
    }

    public static String create(String type, String propertiesJson) {
        return crm().body("{\"properties\":" + propertiesJson + "}").post("/crm/v3/objects/" + type)
                .then().statusCode(201).extract().path("id");
    }
}
