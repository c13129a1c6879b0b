package io.crmbridge.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private final FaultInjector injector = new FaultInjector(() -> Duration.ofSeconds(30));

    @Test
    void noRulesNoFault() {
        assertThat(injector.decide("GET", "/crm/v3/owners").isNone()).isTrue();
    }

    @Test
    void theFirstMatchingRuleDecides() {
        injector.replace(new FaultSettings(null, null, List.of(
                rule("GET", "/crm/v3/owners.*", 1.0, List.of(502)),
                rule(null, ".*", 1.0, List.of(500)))));

        assertThat(injector.decide("GET", "/crm/v3/owners/1").status()).isEqualTo(502);
        assertThat(injector.decide("POST", "/crm/v3/owners").status()).isEqualTo(500);
        assertThat(injector.decide("GET", "/crm/v3/objects/contacts").status()).isEqualTo(500);
    }

    @Test
    void failNextCountsDownAndShowsWhatIsLeft() {
        injector.replace(new FaultSettings(null, null,
                List.of(new FaultRule(null, null, null, List.of(503, 500), null, null, 2))));

        assertThat(injector.decide("GET", "/a").status()).isEqualTo(503);
        assertThat(injector.settings().rules().get(0).failNext()).isEqualTo(1);
        assertThat(injector.decide("GET", "/a").status()).isEqualTo(503);
        assertThat(injector.decide("GET", "/a").kind()).isEqualTo(Fault.Kind.NONE);
    }

    @Test
    void aSpentFailNextRulePassesRequestsOnToTheNextRule() {
        injector.replace(new FaultSettings(null, null, List.of(
                new FaultRule(null, null, null, List.of(429), null, null, 1),
                rule(null, null, 1.0, List.of(500)))));

        assertThat(injector.decide("GET", "/a").status()).isEqualTo(429);
        assertThat(injector.decide("GET", "/a").status()).isEqualTo(500);
        assertThat(injector.decide("GET", "/a").status()).isEqualTo(500);
    }

    @Test
    void hangsAndLatencyAndTheHangBound() {
        injector.replace(new FaultSettings(null, 250L, List.of(new FaultRule(null, null, null, null, 40L, 1.0, null))));
        Fault fault = injector.decide("GET", "/a");
        assertThat(fault.kind()).isEqualTo(Fault.Kind.HANG);
        assertThat(fault.latencyMillis()).isEqualTo(40);
        assertThat(injector.maxHangMillis()).isEqualTo(250);

        injector.clear();
        assertThat(injector.maxHangMillis()).isEqualTo(30_000);
    }

    @Test
    void aSeedRepeatsTheSameOutcomes() {
        FaultSettings settings = new FaultSettings(11L, null, List.of(rule(null, null, 0.5, null)));
        injector.replace(settings);
        List<Integer> first = java.util.stream.IntStream.range(0, 50).mapToObj(i -> injector.decide("GET", "/a").status())
                .toList();
        injector.replace(settings);
        List<Integer> second = java.util.stream.IntStream.range(0, 50).mapToObj(i -> injector.decide("GET", "/a").status())
                .toList();
        assertThat(second).isEqualTo(first).contains(0).containsAnyOf(500, 502, 503);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> injector.replace(new FaultSettings(null, null, List.of(rule(null, "(", 0.1, null)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pathPattern");
        assertThatThrownBy(() -> injector.replace(new FaultSettings(null, null, List.of(rule(null, null, -0.1, null)))))
                .hasMessageContaining("errorRate");
        assertThatThrownBy(() -> injector.replace(new FaultSettings(null, 0L, List.of())))
                .hasMessageContaining("maxHangMillis");
    }

    private static FaultRule rule(String method, String path, Double errorRate, List<Integer> statuses) {
        return new FaultRule(method, path, errorRate, statuses, null, null, null);
    }
}
