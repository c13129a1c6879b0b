package io.crmbridge.outbound.decide;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Table {@code effect_result}: the CRM id each effect of an event produced, under {@code {ledgerKey}:{object}}. An
 * attempt that runs again (retry, replay, a worker killed half-way) finds the deal, note or task it already created
 * and does not create it twice. Written right after the CRM answered; first writer wins.
 */
@ApplicationScoped
public class EffectJournal {

    private final DataSource dataSource;

    EffectJournal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** object -> CRM id of every effect recorded for this ledger key. */
    public Map<String, String> recall(String ledgerKey) throws SQLException {
        Map<String, String> effects = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT crm_object, crm_id FROM effect_result WHERE effect_key LIKE ?")) {
            ps.setString(1, ledgerKey.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    effects.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return effects;
    }

    /**
     * The journal's mark that an attempt is about to create a record of {@code object} whose answer may be lost (a
     * plain create): a later attempt that recalls it looks for that record before it creates one.
     */
    static String tried(String object) {
        return object + ":tried";
    }

    /** Records {@link #tried} for the object before its create goes out (the id is not known yet). */
    public void rememberTry(String ledgerKey, String object, String eventId) throws SQLException {
        remember(ledgerKey, tried(object), "", eventId);
    }

    public void remember(String ledgerKey, String object, String crmId, String eventId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO effect_result (effect_key, crm_object, crm_id, event_id) VALUES (?, ?, ?, CAST(? AS uuid)) "
                        + "ON CONFLICT (effect_key) DO NOTHING")) {
            ps.setString(1, ledgerKey + ":" + object);
            ps.setString(2, object);
            ps.setString(3, crmId);
            ps.setString(4, eventId);
            ps.executeUpdate();
        }
    }
}
