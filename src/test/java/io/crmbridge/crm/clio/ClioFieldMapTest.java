package io.crmbridge.crm.clio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.FieldSpec;

/** The Clio field map's translations: deal stages to matter statuses, task values, fields Clio does not keep. */
class ClioFieldMapTest {

    @Test
    void dealStagesBecomeMatterStatusesAndBack() {
        FieldSpec stage = ClioFields.of("deals").get("stage");
        assertThat(stage.property()).isEqualTo("status");
        assertThat(stage.toCrm("qualifiedtobuy")).isEqualTo("open");
        assertThat(stage.toCrm("contractsent")).isEqualTo("pending");
        assertThat(stage.toCrm("closedwon")).isEqualTo("closed");
        assertThat(stage.allowed()).contains((String) stage.toCrm("closedlost"));
        assertThat(stage.fromCrm("closed")).isIn("closedwon", "closedlost");
        assertThat(stage.fromCrm("pending")).isEqualTo("contractsent");
        assertThat(stage.toCrm("open")).isEqualTo("open");
    }

    @Test
    void aMatterHasNoPipelineNorAmount() {
        Map<String, FieldSpec> deals = ClioFields.of("deals");
        assertThat(deals.get("pipeline").kept()).isFalse();
        assertThat(deals.get("amount").kept()).isFalse();
        assertThat(deals.get("name").property()).isEqualTo("description");
    }

    @Test
    void taskValuesAreClios() {
        Map<String, FieldSpec> tasks = new LinkedHashMap<>(ClioFields.of("tasks"));
        assertThat(tasks.get("status").toCrm(io.crmbridge.crm.TaskStatus.OPEN.name())).isEqualTo("pending");
        assertThat(tasks.get("priority").toCrm(io.crmbridge.crm.TaskPriority.HIGH.name())).isEqualTo("High");
        assertThat(tasks.get("priority").allowed()).contains("High", "Normal", "Low");
    }
}
