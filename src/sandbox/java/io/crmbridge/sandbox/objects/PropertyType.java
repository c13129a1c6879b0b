package io.crmbridge.sandbox.objects;

/** HubSpot's property types, as far as the sandbox distinguishes them (validation and search comparison). */
public enum PropertyType {
    STRING, NUMBER, DATETIME, ENUMERATION, BOOL
}
