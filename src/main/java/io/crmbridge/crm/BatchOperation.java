package io.crmbridge.crm;

/** The batch calls a connector offers: at most {@link CrmConnector#maxBatchSize()} inputs per call. */
public enum BatchOperation {
    READ, CREATE, UPDATE, UPSERT, ARCHIVE;

    public static BatchOperation of(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
