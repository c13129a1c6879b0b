package io.crmbridge.outbound.decide;

import java.util.Map;

/** A CRM record a search before create found: its id and its values as contract fields (through the field map). */
public record Match(String id, Map<String, Object> fields) {
}
