package io.crmbridge.sandbox.clio;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Clio publishes for the operations the dialect serves, in our own words (docs/sandbox.md, "The Clio dialect"):
 * the {@code order} values each index operation allows, the fields of the records a relationship or nested array
 * shows (a nested {@code fields=} selection may name only these), and the API minor versions.
 */
public final class ClioPublished {

    /** Versions {@code X-API-VERSION} may name; anything else is 410 Gone. */
    public static final List<String> API_VERSIONS = List.of("4.0.4", "4.0.5", "4.0.6", "4.0.7", "4.0.8", "4.0.9",
            "4.0.10", "4.0.12", "4.0.13");
    /** The version served when a request names none. */
    public static final String DEFAULT_API_VERSION = "4.0.13";

    private static final Map<ClioResourceType, Set<String>> ORDER_FIELDS = Map.of(
            ClioResourceType.CONTACTS, Set.of("id", "name", "shared_at"),
            ClioResourceType.MATTERS, Set.of("display_number", "custom_number", "id", "client.name", "clients",
                    "open_date", "practice_area.name", "matter_stage.name", "responsible_attorney.name", "close_date",
                    "pending_date", "updated_at", "created_at", "statute_of_limitations.due_at",
                    "originating_attorney.name", "grants", "matter_stage_updated_at"),
            ClioResourceType.NOTES, Set.of("id", "date", "author", "updated_at"),
            ClioResourceType.TASKS, Set.of("name", "task_type.name", "id", "priority", "matter.display_number",
                    "due_at", "due_at_strict", "completed_at"),
            ClioResourceType.USERS, Set.of("enabled", "id", "name", "first_name", "last_name", "initials",
                    "subscription_type"),
            ClioResourceType.PRACTICE_AREAS, Set.of("id", "name", "category", "code"));

    private static final Set<String> CONTACT = Set.of("id", "etag", "name", "first_name", "middle_name", "last_name",
            "date_of_birth", "type", "created_at", "updated_at", "prefix", "title", "initials", "clio_connect_email",
            "locked_clio_connect_email", "client_connect_user_id", "primary_email_address", "secondary_email_address",
            "primary_phone_number", "secondary_phone_number", "ledes_client_id", "has_clio_for_clients_permission",
            "is_client", "is_clio_for_client_user", "is_co_counsel", "is_bill_recipient", "sales_tax_number",
            "currency");
    private static final Set<String> USER = Set.of("account_owner", "clio_connect", "court_rules_default_attendee",
            "created_at", "default_calendar_id", "email", "enabled", "etag", "first_name", "id", "initials",
            "last_name", "name", "phone_number", "rate", "roles", "subscription_type", "time_zone", "updated_at");
    private static final Set<String> MATTER = Set.of("id", "etag", "number", "display_number", "custom_number",
            "currency", "description", "status", "location", "client_reference", "client_id", "billable",
            "maildrop_address", "billing_method", "open_date", "close_date", "pending_date", "created_at",
            "updated_at", "shared", "has_tasks", "last_activity_date", "matter_stage_updated_at");
    private static final Set<String> PRACTICE_AREA = Set.of("id", "etag", "created_at", "updated_at", "name",
            "category", "code");
    private static final Set<String> PARTICIPANT = Set.of("id", "etag", "created_at", "updated_at", "type",
            "identifier", "secondary_identifier", "enabled", "name", "initials", "job_title_name");
    static final Set<String> EMAIL = Set.of("id", "etag", "address", "name", "primary", "created_at", "updated_at");
    static final Set<String> PHONE = Set.of("id", "etag", "number", "name", "primary", "created_at", "updated_at");
    static final Set<String> WEB_SITE = Set.of("id", "etag", "address", "name", "default_web_site", "created_at",
            "updated_at");

    /** Per resource, the fields a nested selection of a relationship or array may name. */
    private static final Map<String, Set<String>> NESTED = Map.ofEntries(
            Map.entry("contacts.company", CONTACT), Map.entry("contacts.email_addresses", EMAIL),
            Map.entry("contacts.phone_numbers", PHONE), Map.entry("contacts.web_sites", WEB_SITE),
            Map.entry("matters.client", CONTACT), Map.entry("matters.practice_area", PRACTICE_AREA),
            Map.entry("matters.responsible_attorney", USER), Map.entry("notes.contact", CONTACT),
            Map.entry("notes.matter", MATTER), Map.entry("tasks.matter", MATTER),
            Map.entry("tasks.assignee", PARTICIPANT));

    private ClioPublished() {
    }

    /** Whether {@code field(asc)}/{@code field(desc)} is an order the resource's index allows. */
    public static boolean orderable(ClioResourceType type, String field) {
        return ORDER_FIELDS.getOrDefault(type, Set.of()).contains(field);
    }

    public static Set<String> orderFields(ClioResourceType type) {
        return ORDER_FIELDS.getOrDefault(type, Set.of());
    }

    /** The fields a nested selection under {@code field} may name; null when the field takes no nested selection. */
    public static Set<String> nested(ClioResourceType type, String field) {
        return NESTED.get(type.apiName() + "." + field);
    }
}
