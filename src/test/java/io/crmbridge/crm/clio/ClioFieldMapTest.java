package io.crmbridge.crm.clio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.DealStage;
import io.crmbridge.crm.FieldSpec;

/** The Clio field map's translations: deal stages to matter statuses, task values, fields Clio does not keep. */
class ClioFieldMapTest {

    @Test
    void dealStagesBecomeMatterStatusesAndBack() {
        FieldSpec stage = ClioFields.of("deals").get("stage");
        assertThat(stage.property()).isEqualTo("status");
        assertThat(stage.toCrm(DealStage.QUALIFIED.name())).isEqualTo("open");
        assertThat(stage.toCrm(DealStage.CONTRACT.name())).isEqualTo("pending");
        assertThat(stage.toCrm(DealStage.WON.name())).isEqualTo("closed");
        assertThat(stage.allowed()).contains((String) stage.toCrm(DealStage.LOST.name()));
        for (DealStage each : DealStage.values()) {
            assertThat(stage.allowed()).contains((String) stage.toCrm(each.name()));
        }
        assertThat(stage.fromCrm("closed")).isEqualTo(DealStage.WON.name());
        assertThat(stage.fromCrm("pending")).isEqualTo(DealStage.CONTRACT.name());
        assertThat(stage.fromCrm("open")).isEqualTo(DealStage.APPOINTMENT.name());
        assertThat(stage.toCrm("open")).isEqualTo("open");
    }

    @Test
    void aMatterStatusAsClioReadsItIsTheWrittenOne() {
        FieldSpec stage = ClioFields.of("deals").get("stage");
        for (String[] read : new String[][] {{"Open", "open"}, {"Pending", "pending"}, {"Closed", "closed"}}) {
            io.crmbridge.crm.CrmRecord matter = ClioShapes.record(Map.of("id", 7, "status", read[0]));
            assertThat(matter.properties()).containsEntry("status", read[1]);
            assertThat(stage.allowed()).contains(read[1]);
        }
        assertThat(stage.fromCrm(ClioShapes.record(Map.of("id", 7, "status", "Closed")).properties().get("status")))
                .isEqualTo(DealStage.WON.name());
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
