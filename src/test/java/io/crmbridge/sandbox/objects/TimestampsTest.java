package io.crmbridge.sandbox.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The one timestamp format, and the accepted filter/input forms. */
class TimestampsTest {

    @Test
    void formatsWithMillisecondsAlways() {
        assertThat(Timestamps.format(Instant.parse("2026-11-22T10:15:30Z"))).isEqualTo("2026-11-22T10:15:30.000Z");
        assertThat(Timestamps.format(Instant.parse("2026-01-02T03:04:05.067Z"))).isEqualTo("2026-01-02T03:04:05.067Z");
        SplittableRandom random = new SplittableRandom(5);
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 1000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L));
            assertThat(Timestamps.format(t)).isEqualTo(reference.format(t));
        }
    }

    @Test
    void parsesEpochMillisIsoAndDates() {
        assertThat(Timestamps.parseMillis("1767225600000")).isEqualTo(1767225600000L);
        assertThat(Timestamps.parseMillis("2026-01-01T00:00:00.000Z")).isEqualTo(1767225600000L);
        assertThat(Timestamps.parseMillis("2026-01-01")).isEqualTo(1767225600000L);
        assertThat(Timestamps.parseMillis("soon")).isNull();
        assertThat(Timestamps.parseMillis("")).isNull();
    }
}
