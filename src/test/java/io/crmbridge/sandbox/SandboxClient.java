package io.crmbridge.sandbox;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the sandbox's HubSpot API for tests: CRM calls with the static token, records made for a test, and the
 * OAuth grants. Its control endpoints are {@link io.crmbridge.testsupport.SandboxControl}'s.
 */
public final class SandboxClient {

    public static final String STATIC_TOKEN = "sandbox-token";
    public static final String TOKEN_PATH = SandboxPaths.HUBSPOT + "/oauth/v1/token";

    private SandboxClient() {
    }

    /** A CRM API request with {@code Authorization: Bearer sandbox-token} and a JSON body. */
    public static RequestSpecification crm() {
        return withToken(STATIC_TOKEN).contentType(ContentType.JSON).basePath(SandboxPaths.HUBSPOT);
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
        return create("contacts", "{\"email\":\"" + email + "\",\"firstname\":\"Test\"}");
    }

    /** Creates a record of {@code type} with these properties (a JSON object) and answers its id. */
    public static String create(String type, String propertiesJson) {
        return crm().body("{\"properties\":" + propertiesJson + "}").post("/crm/v3/objects/" + type)
                .then().statusCode(201).extract().path("id");
    }

    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A fresh access token from the client-credentials grant (its own rate-limit window). */
    public static String clientCredentialsToken() {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "sandbox")
                .formParam("client_secret", "sandbox-secret")
                .post(TOKEN_PATH)
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A new valid refresh token from the control endpoint, so a test never spends the shared default one. */
    public static String newRefreshToken() {
        return given().contentType(ContentType.JSON).body("{}")
                .post(SandboxPaths.CONTROL + "/oauth/refresh-tokens")
                .then().statusCode(201)
                .extract().path("token");
    }

    public static RequestSpecification refreshGrant(String refreshToken) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token")
                .formParam("client_id", "sandbox")
                .formParam("client_secret", "sandbox-secret")
                .formParam("refresh_token", refreshToken);
    }

    /** A client that gives up after {@code millis} and does not retry (Apache's default retries a silent server). */
    public static RestAssuredConfig timeoutAfter(int millis) {
        return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .httpClientFactory(SandboxClient::clientWithoutRetries)
                .setParam("http.connection.timeout", millis)
                .setParam("http.socket.timeout", millis));
    }

    @SuppressWarnings("deprecation")
    private static org.apache.http.client.HttpClient clientWithoutRetries() {
        DefaultHttpClient client = new DefaultHttpClient();
        client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
        return client;
    }
}
