package io.crmbridge.crm;

/**
 * A task's status in the bridge's terms (contract field {@code tasks.status}); each connector's field map gives the
 * CRM's value for each ({@link FieldSpec#values()}).
 */
public enum TaskStatus {
    OPEN, IN_PROGRESS, WAITING, DEFERRED, DONE
}
