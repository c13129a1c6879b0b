package io.crmbridge.crm;

/**
 * A task's priority in the bridge's terms (contract field {@code tasks.priority}); each connector's field map gives
 * the CRM's value for each ({@link FieldSpec#values()}).
 */
public enum TaskPriority {
    LOW, NORMAL, HIGH
}
