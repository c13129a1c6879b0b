package io.crmbridge.outbound.fanout;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.connection.LocalPort;
import io.crmbridge.model.ExchangeKeys;

/**
 * Step of route {@code clio-matter} (routes/clio-matter.yaml): the lead goes on to this application's own receiver,
 * once per source named in the route, with the sender's own authorization; nothing else of the incoming request
 * steers the calls.
 */
@ApplicationScoped
@Named("leadFanout")
public class LeadFanout {

    public void prepare(Exchange exchange) {
        Message in = exchange.getMessage();
        String authorization = in.getHeader("Authorization", String.class);
        String body = in.getBody(String.class);
        in.getHeaders().clear();
        if (authorization != null) {
            in.setHeader("Authorization", authorization);
        }
        in.setHeader(Exchange.HTTP_METHOD, "POST");
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setHeader(ExchangeKeys.FANOUT_RECEIVER, LocalPort.localUrl() + "/events/");
        in.setBody(body);
    }

    /**
     * The receiver's answers, one per source in order, as {@code {"events": [...]}}: 202 when each source took the
     * lead, else the first other status (a sender whose secret is wrong hears 401, as from the receiver).
     */
    public void answer(Exchange exchange) {
        Message in = exchange.getMessage();
        List<?> answers = in.getBody(List.class);
        StringBuilder json = new StringBuilder("{\"events\": [");
        int status = 202;
        for (int i = 0; i < answers.size(); i++) {
            Exchange answer = (Exchange) answers.get(i);
            int code = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class);
            status = status == 202 && code != 202 ? code : status;
            String body = answer.getMessage().getBody(String.class);
            json.append(i == 0 ? "" : ", ").append(code == 202 && body != null && !body.isBlank() ? body.trim() : "null");
        }
        json.append("]}");
        in.getHeaders().clear();
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(json.toString());
    }
}
