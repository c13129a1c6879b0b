package io.crmbridge.model;

/**
 * The names of the exchange headers and properties that cross a route or bean boundary, declared once (like Camel's
 * {@code ExchangePropertyKey}): a route refers to the same names in YAML, so renaming one here means renaming it there.
 */
public final class ExchangeKeys {

    private ExchangeKeys() {
    }

    // --- headers of the per-object CRM endpoints (routes/crm-endpoints.yaml) ---

    /** The connection to call (default: {@code crmbridge.crm.default-connection}). */
    public static final String CRM_CONNECTION = "crmConnection";
    /** The object, in the bridge's plural terms: {@code contacts}, {@code companies}, ... */
    public static final String CRM_OBJECT = "crmObject";
    /** The record to read, update or associate from. */
    public static final String CRM_OBJECT_ID = "crmObjectId";
    /** The object to associate to, or whose associated ids to list. */
    public static final String CRM_TO_OBJECT = "crmToObject";
    /** The record to associate to. */
    public static final String CRM_TO_OBJECT_ID = "crmToObjectId";
    /** Read or update by this unique property instead of the id. */
    public static final String CRM_ID_PROPERTY = "crmIdProperty";
    /** Comma-separated CRM properties to return. */
    public static final String CRM_PROPERTIES = "crmProperties";
    /** The contract field (e.g. {@code email}) whose CRM property a search-by route compares with the body. */
    public static final String CRM_SEARCH_FIELD = "crmSearchField";
    /** read, create, update, upsert or archive, for the batch routes. */
    public static final String CRM_BATCH_OPERATION = "crmBatchOperation";
    /** A create's links to existing records, object to id (notes and tasks to contact, company, deal). */
    public static final String CRM_LINK_TO = "crmLinkTo";
    /** The deal pipeline of route {@code crm-deal-search-open}. */
    public static final String CRM_PIPELINE = "crmPipeline";
    /** The CRM's own clock when it answered (an Instant), on the answer when the CRM says. */
    public static final String CRM_SERVER_TIME = "crmServerTime";
    /** The CRM's HTTP status, on the answer. */
    public static final String CRM_RESPONSE_STATUS = "crmResponseStatus";

    // --- the request route crm-call sends ---

    public static final String CRM_METHOD = "crmMethod";
    public static final String CRM_PATH = "crmPath";
    public static final String CRM_QUERY = "crmQuery";
    public static final String CRM_BASE_URL = "crmBaseUrl";
    /** Exchange property: the request as first described, so a redelivery sends it again rather than the answer. */
    public static final String CRM_REQUEST = "crmRequest";
    /** Exchange property: the request body as sent, for the error channels. */
    public static final String CRM_REQUEST_BODY = "crmRequestBody";
}
