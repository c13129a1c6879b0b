package io.crmbridge.probe;

import java.util.ArrayList;
import java.util.List;

import io.crmbridge.probe.ProbeReport.AuthReport;
import io.crmbridge.probe.ProbeReport.Finding;
import io.crmbridge.probe.ProbeReport.HostReport;
import io.crmbridge.probe.ProbeReport.ObjectReport;
import io.crmbridge.probe.ProbeReport.Secret;

/** A probe report as readable text: the token, the hosts, and one table of fields per object. */
public final class ProbeTable {

    private ProbeTable() {
    }

    public static String render(ProbeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Contract probe of connection ").append(report.connection()).append(" (kind ").append(report.kind())
                .append(") at ").append(report.probedAt()).append("\n\n");
        auth(out, report.auth());
        hosts(out, report);
        for (ObjectReport object : report.objects()) {
            object(out, object);
        }
        return out.toString();
    }

    private static void auth(StringBuilder out, AuthReport auth) {
        out.append("AUTH  ").append(auth.mode());
        if (auth.tokenEndpoint() != null) {
            out.append("  token endpoint ").append(auth.tokenEndpoint());
        }
        out.append('\n');
        if (auth.error() != null) {
            out.append("  FAILED: ").append(auth.error()).append("\n\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row("expires_in", auth.expiresInSeconds() == null ? "(not sent)" : auth.expiresInSeconds() + " s"));
        rows.add(row("JWT exp - iat", auth.jwtLifetimeSeconds() == null ? "(not a JWT)" : auth.jwtLifetimeSeconds() + " s"));
        rows.add(row("access token", secret(auth.accessToken())));
        if (auth.refreshTokenReturned() != null) {
            String refresh = !auth.refreshTokenReturned() ? "none returned"
                    : Boolean.TRUE.equals(auth.refreshTokenRotated())
                            ? "ROTATED: sent " + secret(auth.refreshTokenSent()) + ", got "
                                    + secret(auth.refreshTokenReceived()) + " (the connection keeps the new one)"
                            : "returned, same as sent (" + secret(auth.refreshTokenReceived()) + ")";
            rows.add(row("refresh token", refresh));
        }
        columns(out, "  ", rows);
        out.append('\n');
    }

    private static void hosts(StringBuilder out, ProbeReport report) {
        out.append("HOSTS").append(report.workingBaseUrl() == null ? "  (none works)" : "").append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(row("BASE URL", "", "STATUS", "WORKS", "DETAIL"));
        for (HostReport host : report.hosts()) {
            String detail = host.error() != null ? host.error()
                    : (host.contentType() == null ? "" : host.contentType())
                            + (host.works() || host.excerpt() == null ? "" : "  " + host.excerpt());
            rows.add(row(host.baseUrl(), host.configured() ? "configured" : "alternative",
                    host.status() == null ? "-" : host.status().toString(), host.works() ? "yes" : "NO", detail));
            host.redirects().forEach(r -> rows.add(row("  redirect", "", Integer.toString(r.status()), "",
                    r.from() + " -> " + r.location())));
        }
        columns(out, "  ", rows);
        out.append('\n');
    }

    private static void object(StringBuilder out, ObjectReport object) {
        out.append("OBJECT ").append(object.object());
        if (object.recordId() != null) {
            out.append("  record ").append(object.recordId());
        }
        if (object.status() != null) {
            out.append("  (HTTP ").append(object.status()).append(')');
        }
        out.append('\n');
        if (object.error() != null) {
            out.append("  ").append(object.error()).append("\n\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row("FINDING", "FIELD", "PROPERTY", "DECLARED", "ACTUAL", "VALUE / DETAIL"));
        for (Finding f : object.findings()) {
            rows.add(row(f.kind().name(), f.field() == null ? "-" : f.field(), f.property(),
                    f.declared() == null ? "-" : f.declared(), f.actual(), detail(f)));
        }
        columns(out, "  ", rows);
        out.append('\n');
    }

    private static String detail(Finding f) {
        StringBuilder text = new StringBuilder();
        if (f.relationshipId() != null || f.relationshipName() != null) {
            text.append("{id: ").append(f.relationshipId()).append(", name: ").append(f.relationshipName()).append('}');
        } else if (f.value() != null) {
            text.append(f.value());
        }
        if (f.detail() != null) {
            text.append(text.isEmpty() ? "" : "  ").append(f.detail());
        }
        return text.toString();
    }

    private static String secret(Secret secret) {
        return secret == null ? "-" : secret.length() + " chars, sha256 " + secret.sha256();
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static void columns(StringBuilder out, String indent, List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                widths[i] = Math.max(widths[i], r[i] == null ? 1 : r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String cell = r[i] == null ? "-" : r[i];
                line.append(i == r.length - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
