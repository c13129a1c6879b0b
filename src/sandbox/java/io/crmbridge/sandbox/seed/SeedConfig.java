package io.crmbridge.sandbox.seed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Seed data the sandbox creates at start-up, and the simulated stream of human edits. */
@ConfigMapping(prefix = "crmbridge.sandbox.seed")
public interface SeedConfig {

    /** Contacts created at start-up. */
    @WithDefault("0")
    int contacts();

    /** Companies created at start-up. */
    @WithDefault("0")
    int companies();

    /** Deals created at start-up. */
    @WithDefault("0")
    int deals();

    /** How often a simulated person edits random existing records; 0 turns the stream off. */
    @WithDefault("0s")
    Duration humanEditInterval();

    /** Records edited per tick of the human-edit stream. */
    @WithDefault("1")
    int humanEditsPerTick();

    /** Seed of the random generator (names, amounts, which records a human edits). */
    @WithDefault("42")
    long randomSeed();
}
