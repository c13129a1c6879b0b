package io.crmbridge.outbound.receive;

/** A delivery refused at the door with an HTTP status and a JSON reason; nothing of it is stored. */
public class WebhookRejected extends RuntimeException {

    private final int status;
    private final String code;

    public WebhookRejected(int status, String code, String reason) {
        super(reason);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
