package io.crmbridge.crm;

import java.util.Arrays;
import java.util.Optional;

/**
 * A deal's stage in the bridge's terms (contract field {@code deals.stage}), from the first meeting to the outcome;
 * {@link #WON} and {@link #LOST} close a deal. Each connector's field map gives the CRM's value for each
 * ({@link FieldSpec#values()}); a connection whose CRM has other stages (a custom pipeline) maps them with
 * {@code field-map.deals.stage.values.<stage>=<CRM value>}.
 */
public enum DealStage {
    APPOINTMENT, QUALIFIED, PRESENTATION, DECISION, CONTRACT, WON, LOST;

    /** A stage as read back through a field map: empty when it is none of the bridge's (a CRM value left unmapped). */
    public static Optional<DealStage> of(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.toString();
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
