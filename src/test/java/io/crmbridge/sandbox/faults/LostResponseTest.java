package io.crmbridge.sandbox.faults;

import static io.crmbridge.sandbox.SandboxClient.crm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.SandboxClient;
import io.crmbridge.testsupport.SandboxControl;
import io.crmbridge.testsupport.TestHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lost-response fault: the write commits, then the client sees a 502, a closed connection, or nothing until its
 * own timeout. A read afterwards shows the record, and a retried create of it is refused as a duplicate.
 */
@QuarkusTest
class LostResponseTest {

    private static final String CONTACTS = "/crm/v3/objects/contacts";

    @TestHTTPResource("/sandbox/hubspot")
    URL hubspot;

    @AfterEach
    void clearFaults() {
        SandboxControl.clearFaults();
    }

    @Test
    void theWriteCommitsAndTheClientSeesA502() {
        SandboxControl.loseNextResponses("POST", CONTACTS, 1, "502");
        String email = SandboxClient.uniqueEmail("lost-502");

        crm().body(contact(email)).post(CONTACTS).then().statusCode(502).body("category", equalTo("BAD_GATEWAY"));

        crm().queryParam("idProperty", "email").get(CONTACTS + "/" + email).then().statusCode(200)
                .body("properties.email", equalTo(email));
        crm().body(contact(email)).post(CONTACTS).then().statusCode(409).body("category", equalTo("CONFLICT"));
    }

    @Test
    void theWriteCommitsAndTheConnectionClosesUnanswered() {
        SandboxControl.loseNextResponses("POST", CONTACTS, 1, "drop");
        String email = SandboxClient.uniqueEmail("lost-drop");

        TestHttp.Answer answer = post(email, Duration.ofSeconds(20));
        assertThat(answer.status()).isEqualTo(-1);
        assertThat(answer.failure()).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);

        crm().queryParam("idProperty", "email").get(CONTACTS + "/" + email).then().statusCode(200);
    }

    @Test
    void theWriteCommitsAndTheAnswerHangsPastTheClientsTimeout() {
        SandboxControl.control().body(Map.of("maxHangMillis", 5_000, "rules", List.of(Map.of("method", "POST",
                "pathPattern", CONTACTS, "failNext", 1, "lostResponse", "hang")))).put("/faults").then().statusCode(200);
        String email = SandboxClient.uniqueEmail("lost-hang");

        TestHttp.Answer answer = post(email, Duration.ofMillis(500));
        assertThat(answer.status()).isEqualTo(-1);
        assertThat(answer.failure()).isInstanceOf(HttpTimeoutException.class);

        crm().queryParam("idProperty", "email").get(CONTACTS + "/" + email).then().statusCode(200);
    }

    @Test
    void aRateLosesASeededShareOfAnswersAndEveryWriteCommits() {
        SandboxControl.lostResponses("POST", CONTACTS, 0.5, "502|drop", 42);
        int answered = 0;
        int badGateway = 0;
        int dropped = 0;
        List<String> emails = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String email = SandboxClient.uniqueEmail("lost-rate");
            emails.add(email);
            TestHttp.Answer answer = post(email, Duration.ofSeconds(20));
            if (answer.status() == 201) {
                answered++;
            } else if (answer.status() == -1) {
                assertThat(answer.failure()).isNotInstanceOf(HttpTimeoutException.class);
                dropped++;
            } else {
                assertThat(answer.status()).isEqualTo(502);
                badGateway++;
            }
        }
        SandboxControl.clearFaults();

        assertThat(answered).isBetween(5, 25);
        assertThat(badGateway).isPositive();
        assertThat(dropped).isPositive();
        for (String email : emails) {
            crm().queryParam("idProperty", "email").get(CONTACTS + "/" + email).then().statusCode(200);
        }
    }

    private TestHttp.Answer post(String email, Duration timeout) {
        return TestHttp.send("POST", hubspot + CONTACTS, TestHttp.bearer(SandboxClient.STATIC_TOKEN),
                "{\"properties\":{\"email\":\"" + email + "\"}}", timeout);
    }

    private static Map<String, Object> contact(String email) {
        return Map.of("properties", Map.of("email", email, "firstname", "Lost"));
    }
}
