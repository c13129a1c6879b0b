package io.crmbridge.crm;

/**
 * A ticket's stage in the bridge's terms (contract field {@code tickets.stage}), in the CRM's default support
 * pipeline ({@link #DEFAULT_PIPELINE}, contract field {@code tickets.pipeline}); each connector's field map gives the
 * CRM's values ({@link FieldSpec#values()}). A pipeline or stage the configuration names that is none of these goes to
 * the CRM as it is.
 */
public enum TicketStage {
    NEW, WAITING_ON_CONTACT, WAITING_ON_US, CLOSED;

    /** The bridge's name for the CRM's default support pipeline. */
    public static final String DEFAULT_PIPELINE = "DEFAULT";
}
