package io.crmbridge.sandbox;

import static io.restassured.RestAssured.given;

import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small helpers for tests that talk to the sandbox. */
public final class SandboxClient {

    public static final String STATIC_TOKEN = "sandbox-token";
    public static final String TOKEN_PATH = SandboxPaths.HUBSPOT + "/oauth/v1/token";

    private SandboxClient() {
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
