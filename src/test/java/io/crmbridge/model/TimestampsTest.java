package io.crmbridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The direct reading and writing of ISO-8601 instants gives exactly what {@link Instant#parse} and
 * {@link Instant#toString} give (versions made from them are ledger keys), and falls back to them for other shapes.
 */
class TimestampsTest {

    @Test
    void formatIsInstantToString() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L); // years about -250 to 10,200
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            assertThat(Timestamps.format(t)).as("%s", t).isEqualTo(t.toString());
        }
        for (String edge : new String[] { "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.100Z", "2026-11-30T23:59:59.000001Z" }) {
            assertThat(Timestamps.format(Instant.parse(edge))).isEqualTo(edge);
        }
        assertThat(Timestamps.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(Timestamps.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }

    @Test
    void parseIsInstantParse() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    i % 2 == 0 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            String text = t.toString();
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(Instant.parse(text));
            assertThat(Timestamps.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
        }
        // fractions of any length from 1 to 9 digits
        for (String text : new String[] { "2026-11-30T10:15:30.1Z", "2026-11-30T10:15:30.12Z",
                "2026-11-30T10:15:30.1234Z", "2026-11-30T10:15:30.12345678Z", "2026-11-30T10:15:30.000Z" }) {
            assertThat(Timestamps.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void otherShapesGoThroughInstantParseOrAreNull() {
        assertThat(Timestamps.parse("1767225600000")).isEqualTo(Instant.ofEpochMilli(1767225600000L));
        assertThat(Timestamps.parse(1767225600000L)).isEqualTo(Instant.ofEpochMilli(1767225600000L));
        assertThat(Timestamps.parse(" 2026-01-01T00:00:00Z ")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        // not the direct shape, but Instant.parse reads them
        assertThat(Timestamps.parseUtc("2026-01-01T24:00:00Z")).isNull();
        assertThat(Timestamps.parse("2026-01-01T24:00:00Z")).isEqualTo(Instant.parse("2026-01-01T24:00:00Z"));
        assertThat(Timestamps.parseUtc("+12026-01-01T00:00:00Z")).isNull();
        assertThat(Timestamps.parse("+12026-01-01T00:00:00Z")).isEqualTo(Instant.parse("+12026-01-01T00:00:00Z"));
        // unreadable
        assertThat(Timestamps.parse("2026-02-30T00:00:00Z")).isNull();
        assertThat(Timestamps.parse("2026-13-01T00:00:00Z")).isNull();
        assertThat(Timestamps.parse("2026-01-01T00:00:00.1234567890Z")).isNull();
        assertThat(Timestamps.parse("2026-01-01 00:00:00Z")).isNull();
        assertThat(Timestamps.parse("2026-01-0xT00:00:00Z")).isNull();
        assertThat(Timestamps.parse("yesterday")).isNull();
        assertThat(Timestamps.parse("  ")).isNull();
        assertThat(Timestamps.parse(null)).isNull();
    }
}
