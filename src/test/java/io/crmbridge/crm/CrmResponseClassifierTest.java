package io.crmbridge.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrmResponseClassifierTest {

    @ParameterizedTest
    @CsvSource({
            "200, ", "201, ", "204, ", "207, ",
            "429, RETRYABLE", "500, RETRYABLE", "502, RETRYABLE", "503, RETRYABLE", "504, RETRYABLE",
            "400, REVIEW", "404, REVIEW", "409, REVIEW", "422, REVIEW",
            "401, OPERATOR", "403, OPERATOR", "410, OPERATOR",
            "301, UNKNOWN", "418, UNKNOWN", "505, UNKNOWN" })
    void classifiesAsTheDesignSays(int status, CrmCallException.Kind expected) {
        var failure = CrmResponseClassifier.classify("hubspot", status, "{\"message\":\"x\"}");
        if (expected == null) {
            assertThat(failure).isEmpty();
        } else {
            assertThat(failure).get().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(expected);
                assertThat(e.responseBody()).isEqualTo("{\"message\":\"x\"}");
                assertThat(e.status()).isEqualTo(status);
            });
        }
    }

    @ParameterizedTest
    @CsvSource({ "7, 7", "0, 0", "-3, 0", "100000, 600", "soon, 10", "'', 10" })
    void readsRetryAfterSafely(String header, long seconds) {
        assertThat(CrmResponseClassifier.retryAfter(header)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({ "GET, true", "PUT, true", "PATCH, true", "DELETE, true", "POST, false", "post, false" })
    void genericPolicyResendsOnlyIdempotentMethods(String method, boolean resendable) {
        assertThat(ErrorPolicy.GENERIC.resendable(method, "/records")).isEqualTo(resendable);
    }
}
