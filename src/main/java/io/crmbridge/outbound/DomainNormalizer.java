package io.crmbridge.outbound;

import java.net.IDN;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** A company's domain as the bridge compares it: lowercase, no scheme, no {@code www.}, no path or port. */
@ApplicationScoped
@Named("domainNormalizer")
public class DomainNormalizer {

    public String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String domain = raw.trim().toLowerCase(Locale.ROOT);
        domain = domain.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        domain = domain.replaceFirst("^[^@/]*@", "");
        int cut = indexOfAny(domain, '/', '?', '#', ':');
        if (cut >= 0) {
            domain = domain.substring(0, cut);
        }
        if (domain.startsWith("www.")) {
            domain = domain.substring(4);
        }
        domain = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        return domain.isEmpty() ? null : IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
    }

    private static int indexOfAny(String s, char... chars) {
        int best = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
