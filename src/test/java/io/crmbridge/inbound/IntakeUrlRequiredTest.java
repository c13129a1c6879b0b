package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The http intake has no default URL: a missing one stops the start, naming the setting; the table sink needs none. */
class IntakeUrlRequiredTest {

    @Test
    void theHttpSinkWithoutAUrlFailsNamingTheSetting() {
        assertThatThrownBy(() -> IntakeSink.requireUrl(config(IntakeConfig.Sink.HTTP, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("crmbridge.intake.url");
        assertThatThrownBy(() -> IntakeSink.requireUrl(config(IntakeConfig.Sink.HTTP, " ")))
                .hasMessageContaining("crmbridge.intake.url");
    }

    @Test
    void theHttpSinkWithAUrlAndTheTableSinkStart() {
        assertThatCode(() -> IntakeSink.requireUrl(config(IntakeConfig.Sink.HTTP, "https://intake.example.com/records")))
                .doesNotThrowAnyException();
        assertThatCode(() -> IntakeSink.requireUrl(config(IntakeConfig.Sink.TABLE, null))).doesNotThrowAnyException();
    }

    private static IntakeConfig config(IntakeConfig.Sink sink, String url) {
        return new IntakeConfig() {
            @Override
            public Sink sink() {
                return sink;
            }

            @Override
            public Optional<String> url() {
                return Optional.ofNullable(url);
            }

            @Override
            public Optional<String> token() {
                return Optional.empty();
            }
        };
    }
}
