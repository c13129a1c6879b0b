package io.crmbridge.model;

/**
 * The names of the exchange headers and properties that cross a route or bean boundary, declared once (like Camel's
 * {@code ExchangePropertyKey}): a route refers to the same names in YAML, so renaming one here means renaming it there.
 */
public final class ExchangeKeys {

    private ExchangeKeys() {
    }

    // --- the outbound event (routes/webhook.yaml, routes/event-pipeline.yaml) ---

    /** Header: the event's id, from its storage in {@code raw_event} to its last step. */
    public static final String EVENT_ID = "eventId";
    /** Header: the configured source that sent the event ({@code POST /events/{source}}). */
    public static final String EVENT_SOURCE = "eventSource";
    /** Header: the route that normalizes the event's source ({@code direct:normalize-<name>}). */
    public static final String EVENT_NORMALIZER = "eventNormalizer";
    /** Header of route {@code webhook-receive}: the source named in the path. */
    public static final String WEBHOOK_SOURCE = "source";
    /** Exchange property: the claimed {@code raw_event} row being processed. */
    public static final String RAW_EVENT = "rawEvent";
    /** Exchange property: the event in the internal contract, once normalized. */
    public static final String OUTBOUND_EVENT = "outboundEvent";
    /** Exchange property: the event passed validation and the loop guard. */
    public static final String EVENT_ACCEPTED = "eventAccepted";
    /** Exchange property: the event's trace, written when the event ends. */
    public static final String EVENT_TRACE = "eventTrace";
    /** Header of the ledger steps: the idempotency key being processed. */
    public static final String LEDGER_KEY = "ledgerKey";
    /** Header of route {@code demo-traffic}: the source a sample event is posted to. */
    public static final String DEMO_SOURCE = "demoSource";

    // --- the error channels (routes/errors.yaml): what failed, for dead_letter and review_item ---

    public static final String FAILURE_EVENT_ID = "failureEventId";
    public static final String FAILURE_ROUTE_ID = "failureRouteId";
    public static final String FAILURE_ENDPOINT = "failureEndpoint";
    public static final String FAILURE_CLASS = "failureClass";
    public static final String FAILURE_MESSAGE = "failureMessage";
    public static final String FAILURE_ATTEMPTS = "failureAttempts";
    public static final String FAILURE_PAYLOAD = "failurePayload";
    public static final String FAILURE_STATUS = "failureStatus";
    public static final String FAILURE_RESPONSE = "failureResponse";
    public static final String FAILURE_REASON = "failureReason";

    // --- route decide (routes/decide.yaml) ---

    /** Exchange property: what decide learned about the event (search results, journal, owner, plan, ids). */
    public static final String DECISION = "decision";
    /** Exchange property: the event is rejected (no consent to create a contact); nothing is written. */
    public static final String DECISION_REJECTED = "decisionRejected";
    /** Exchange property: why the event was rejected. */
    public static final String REJECT_REASON = "rejectReason";
    /** Exchange property: the event type creates the onboarding task. */
    public static final String ONBOARDING_TASK = "onboardingTask";
    /** Header: a keyed create was refused because a record holds the key already (crmCoalescer createKeyed). */
    public static final String CRM_KEY_TAKEN = "crmKeyTaken";
    /** Exchange property: the events of a claim the bulk path's grouped calls still wait for (crmCoalescer). */
    public static final String BULK_CLAIM = "bulkClaim";
    /** Exchange property: this event no longer counts among them (left). */
    public static final String BULK_STATE = "bulkState";
    /** Exchange properties: which searches before create apply. */
    public static final String LOOKUP_CONTACT = "lookupContact";
    public static final String LOOKUP_COMPANY = "lookupCompany";
    public static final String LOOKUP_DEALS = "lookupDeals";
    /** Exchange property: the next owner email to look up. */
    public static final String OWNER_CANDIDATE = "ownerCandidate";
    /** Header of the decide-write routes: the object being written. */
    public static final String DECIDE_OBJECT = "decideObject";
    /** Header of the decide-write routes: create, update, merge, none or skip. */
    public static final String DECISION_ACTION = "decisionAction";
    /** Header of route decide-associate: the pair of objects, {@code deals:contacts}. */
    public static final String DECIDE_ASSOCIATION = "decideAssociation";
    /** Exchange property of route decide-associate: both records exist, so associate them. */
    public static final String ASSOCIATE = "associate";
    /** Exchange property of route decide-write-engagement: the keyed note's or task's properties (for its upsert). */
    public static final String ENGAGEMENT_PROPERTIES = "engagementProperties";
    /** Exchange property of route decide-write-engagement: link the note or task to its records. */
    public static final String LINK_ENGAGEMENT = "linkEngagement";

    // --- the inbound poll (routes/inbound-poll.yaml) ---

    /** Headers of a poll: the connection and the object polled. */
    public static final String POLL_CONNECTION = "pollConnection";
    public static final String POLL_OBJECT = "pollObject";
    /** Exchange property: the poll in progress (cursor, pages, counts). */
    public static final String POLL_STATE = "pollState";
    /** Exchange property: the next page of the poll, being fetched while the current one is delivered. */
    public static final String POLL_NEXT_PAGE = "pollNextPage";
    /** Exchange property: the search of the page after the next one, started as soon as the next one was searched. */
    public static final String POLL_NEXT_SEARCH = "pollNextSearch";
    /** Headers of route inbound-record: the polled record and its origin. */
    public static final String INBOUND_RECORD = "inboundRecord";
    public static final String INBOUND_ORIGIN = "inboundOrigin";

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
    /**
     * The version of the record an update is based on (the CRM's etag from the decide step's read): the update is sent
     * only if the record is still that version ({@code If-Match}), where the connector supports it.
     */
    public static final String CRM_VERSION = "crmVersion";
    /** Route crm-call: the record version a conditional write is sent with ({@code If-Match}), from the connector. */
    public static final String CRM_IF_MATCH = "crmIfMatch";
    /** Read or update by this unique property instead of the id. */
    public static final String CRM_ID_PROPERTY = "crmIdProperty";
    /** Comma-separated CRM properties to return. */
    public static final String CRM_PROPERTIES = "crmProperties";
    /** The contract field (e.g. {@code email}) whose CRM property a search-by route compares with the body. */
    public static final String CRM_SEARCH_FIELD = "crmSearchField";
    /** read, create, update, upsert or archive, for the batch routes. */
    public static final String CRM_BATCH_OPERATION = "crmBatchOperation";
    /** A create's links to existing records, object to id (notes and tasks to contact, company, deal). */
    /** An upsert's value of its unique property {@code crmIdProperty} (the record's key). */
    public static final String CRM_UPSERT_KEY = "crmUpsertKey";
    public static final String CRM_LINK_TO = "crmLinkTo";
    /** The deal pipeline of route {@code crm-deal-search-open}. */
    public static final String CRM_PIPELINE = "crmPipeline";
    /** The CRM's own clock when it answered (an Instant), on the answer when the CRM says. */
    public static final String CRM_SERVER_TIME = "crmServerTime";
    /** A call that only probes the CRM (provisioning): a 403 answers the caller without pausing the connection. */
    public static final String CRM_PROBE = "crmProbe";
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
    /** Set while a call that must not go out twice ({@code ErrorPolicy#resendable}) has no clear answer yet. */
    public static final String CRM_OUTCOME_UNKNOWN = "crmOutcomeUnknown";

    /** Route clio-matter: this application's receiver, {@code http://localhost:<port>/events/}. */
    public static final String FANOUT_RECEIVER = "fanoutReceiver";

    /** Route demo-traffic: the path under this application the sample goes to ({@code events/<source>} or {@code leads}). */
    public static final String DEMO_PATH = "demoPath";
}
