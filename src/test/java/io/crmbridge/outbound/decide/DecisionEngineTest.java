package io.crmbridge.outbound.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.DealStage;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.model.OutboundEvent.Company;
import io.crmbridge.model.OutboundEvent.Contact;
import io.crmbridge.model.OutboundEvent.LeadContext;
import io.crmbridge.outbound.ReviewRequired;

class DecisionEngineTest {

    static final DecideConfig CONFIG = new DecideConfig() {
        public Map<String, List<String>> crmOwned() {
            return Map.of("contacts", List.of("first-name", "owner"));
        }

        public Map<String, DealStage> dealStage() {
            return Map.of("lead", DealStage.QUALIFIED, "payment", DealStage.WON);
        }

        public Map<String, String> lifecycleStage() {
            return Map.of("lead", "lead");
        }

        public Set<String> onboardingTaskEventTypes() {
            return Set.of("payment");
        }

        public Map<String, String> ownerByRole() {
            return Map.of();
        }

        public Map<String, String> ownerByTier() {
            return Map.of();
        }

        public Optional<String> ownerFallback() {
            return Optional.empty();
        }

        public Map<String, ConnectionOwners> connections() {
            return Map.of();
        }

        @Override
        public java.time.Duration ownerCacheTtl() {
            return java.time.Duration.ZERO;
        }
    };

    static final OpenDeals.DealsConfig DEALS = new OpenDeals.DealsConfig() {
        public Set<DealStage> closedStages() {
            return Set.of(DealStage.WON, DealStage.LOST);
        }

        public String defaultPipeline() {
            return "default";
        }
    };

    final DecisionEngine engine = new DecisionEngine(CONFIG, DEALS);

    static OutboundEvent event(String type, boolean consent, String domain) {
        return new OutboundEvent("e1", type, "webform", "r1", null, "webform:r1", null, null,
                new Contact("a@b.example", "+14155550132", "Ada Lovelace"), new Company("B", domain),
                new LeadContext(null, null, null, consent, null), null, null, Map.of("amount", "10.00"));
    }

    static Match record(String id, Map<String, Object> fields) {
        return new Match(id, fields);
    }

    @Test
    void nothingFoundCreatesContactCompanyAndDeal() {
        DecisionContext ctx = new DecisionContext(event("lead", true, "b.example"), "k");
        assertThat(engine.plan(ctx)).isNull();
        assertThat(ctx.plan("contacts").action()).isEqualTo("create");
        assertThat(ctx.plan("contacts").properties()).containsEntry("first-name", "Ada").containsEntry("last-name", "Lovelace")
                .containsEntry("lifecycle-stage", "lead");
        assertThat(ctx.plan("companies").action()).isEqualTo("create");
        assertThat(ctx.plan("deals").properties()).containsEntry("stage", "QUALIFIED").containsEntry("pipeline", "default");
    }

    @Test
    void noConsentAndNoContactIsRejected() {
        DecisionContext ctx = new DecisionContext(event("lead", false, "b.example"), "k");
        assertThat(engine.plan(ctx)).contains("no consent");
        assertThat(ctx.plan).isEmpty();
    }

    @Test
    void noConsentButAnExistingContactIsUpdated() {
        DecisionContext ctx = new DecisionContext(event("lead", false, null), "k");
        ctx.contacts = List.of(record("7", Map.of("email", "a@b.example", "phone", "+1000")));
        assertThat(engine.plan(ctx)).isNull();
        assertThat(ctx.plan("contacts").action()).isEqualTo("update");
        assertThat(ctx.plan("companies").action()).isEqualTo("skip");
    }

    @Test
    void ambiguityGoesToReview() {
        DecisionContext ctx = new DecisionContext(event("lead", true, "b.example"), "k");
        ctx.contacts = List.of(record("1", Map.of()), record("2", Map.of()));
        assertThatThrownBy(() -> engine.plan(ctx)).isInstanceOf(ReviewRequired.class).hasMessageContaining("[1, 2]");
        DecisionContext deals = new DecisionContext(event("lead", true, "b.example"), "k");
        deals.deals = List.of(record("1", Map.of()), record("2", Map.of()));
        assertThatThrownBy(() -> engine.plan(deals)).isInstanceOf(ReviewRequired.class)
                .extracting(e -> ((ReviewRequired) e).code()).isEqualTo("AMBIGUOUS_DEAL");
    }

    @Test
    void routedOwnerThatCannotBeResolvedGoesToReview() {
        DecisionContext ctx = new DecisionContext(event("lead", true, "b.example"), "k");
        ctx.ownerRouted = true;
        ctx.ownerNote = "x is not an active owner";
        assertThatThrownBy(() -> engine.plan(ctx)).extracting(e -> ((ReviewRequired) e).code()).isEqualTo("OWNER_UNRESOLVED");
    }

    @Test
    void twoStagesOneCrmValueStandsForAreNoChange() {
        // A CRM with fewer stages (Clio: a matter is open, pending or closed) reads QUALIFIED back as APPOINTMENT.
        DecisionContext.ValueComparison oneOpenStage = (object, field, a, b) -> "stage".equals(field)
                ? open(a) == open(b) : String.valueOf(a).equals(String.valueOf(b));
        ObjectPlan same = engine.diff("deals", "7", Map.of("stage", "APPOINTMENT"), Map.of("stage", "QUALIFIED"),
                oneOpenStage);
        assertThat(same.action()).isEqualTo("none");
        ObjectPlan won = engine.diff("deals", "7", Map.of("stage", "APPOINTMENT"), Map.of("stage", "WON"), oneOpenStage);
        assertThat(won.action()).isEqualTo("update");
        assertThat(won.properties()).containsExactly(Map.entry("stage", "WON"));
        assertThat(engine.diff("deals", "7", Map.of("stage", "APPOINTMENT"), Map.of("stage", "QUALIFIED")).action())
                .isEqualTo("update");
    }

    private static boolean open(Object stage) {
        return !"WON".equals(stage) && !"LOST".equals(stage);
    }

    @Test
    void crmOwnedFieldsAreFilledWhenEmptyAndNeverOverwritten() {
        ObjectPlan keep = engine.diff("contacts", "9", Map.of("first-name", "Kept", "phone", "+1"),
                Map.of("first-name", "New", "phone", "+1"));
        assertThat(keep.action()).isEqualTo("none");
        assertThat(keep.reason()).contains("CRM-owned values kept: first-name");
        ObjectPlan fill = engine.diff("contacts", "9", Map.of("phone", "+1"), Map.of("first-name", "New", "phone", "+1"));
        assertThat(fill.action()).isEqualTo("merge");
        assertThat(fill.properties()).containsExactly(Map.entry("first-name", "New"));
        ObjectPlan overwrite = engine.diff("contacts", "9", Map.of("phone", "+1"), Map.of("phone", "+2"));
        assertThat(overwrite.action()).isEqualTo("update");
    }

    @Test
    void aRecordCreatedByAnEarlierAttemptIsNotCreatedAgain() {
        DecisionContext ctx = new DecisionContext(event("payment", true, "b.example"), "k");
        ctx.journal.put("deals", "55");
        engine.plan(ctx);
        assertThat(ctx.plan("deals").action()).isEqualTo("none");
        assertThat(ctx.plan("deals").crmId()).isEqualTo("55");
    }

    @Test
    void aDealStageIsTheBridgesAndAnyOtherValueFailsAtStartUp() {
        assertThat(decideConfig("QUALIFIED").dealStage()).containsEntry("lead", DealStage.QUALIFIED);
        assertThatThrownBy(() -> decideConfig("qualifiedtobuy"))
                .isInstanceOf(io.smallrye.config.ConfigValidationException.class)
                .hasMessageContaining("crmbridge.decide.deal-stage.lead");
    }

    /** The mapping as start-up builds it (an ISO duration: the plain SmallRye converter, not Quarkus's). */
    private static DecideConfig decideConfig(String leadStage) {
        return new io.smallrye.config.SmallRyeConfigBuilder().withMapping(DecideConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(
                        Map.of("crmbridge.decide.deal-stage.lead", leadStage,
                                "crmbridge.decide.owner-cache-ttl", "PT1M"), "test", 100))
                .build().getConfigMapping(DecideConfig.class);
    }
}
