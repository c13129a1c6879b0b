package io.crmbridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNormalizerTest {

    final DomainNormalizer normalizer = new DomainNormalizer();

    @ParameterizedTest
    @CsvSource({
            "Example.COM, example.com",
            "www.example.com, example.com",
            "https://www.Example.com/pricing?x=1, example.com",
            "http://example.com:8080, example.com",
            "jane@example.com, example.com",
            "  example.com.  , example.com",
            "münchen.de, xn--mnchen-3ya.de" })
    void normalizes(String raw, String expected) {
        assertThat(normalizer.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "''", "'   '", "https://" })
    void emptyIsNull(String raw) {
        assertThat(normalizer.normalize(raw)).isNull();
    }
}
