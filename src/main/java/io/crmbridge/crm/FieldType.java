package io.crmbridge.crm;

/** The type of a contract field's CRM property ({@link FieldSpec#type()}, {@code field-map.<object>.<field>.type}). */
public enum FieldType {
    STRING, ENUM, NUMBER, DATE, RELATIONSHIP
}
