package io.crmbridge.sandbox.faults;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The fault-injection setup ({@code PUT/GET /sandbox/hubspot/_sandbox/faults}). The first matching rule decides; a rule with only a {@code failNext}
 * count that has run out passes requests on to the next matching rule.
 * {@code seed} makes the random choices repeatable; {@code maxHangMillis} overrides the configured bound of a hang.
 * A {@code GET} shows each rule's remaining {@code failNext}.
 */
@RegisterForReflection
public record FaultSettings(Long seed, Long maxHangMillis, List<FaultRule> rules) {
}
