package io.portevoix.delivery.domain;

import io.portevoix.delivery.DnsRecordStatus;
import io.portevoix.delivery.SendingDomainDetails.DnsRecord;
import io.portevoix.delivery.SendingDomainDetails.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The DNS records a sending domain publishes, and how a TXT value found in DNS compares with them:
 * SPF ({@code v=spf1 <mechanism> ~all} at the domain; OK when a {@code v=spf1} record names the
 * mechanism), DKIM ({@code v=DKIM1; k=rsa; p=<public key>} at {@code <selector>._domainkey}; OK when
 * its {@code p=} is this key) and DMARC ({@code v=DMARC1; p=none; rua=…} at {@code _dmarc}; any
 * DMARC record is OK: the policy is the domain owner's choice).
 *
 * @param spfMechanism what lets the platform's servers send for the domain, e.g.
 *        {@code include:spf.example.net} or {@code a:smtp.example.net}
 */
public record DomainRecords(String spfMechanism) {

    public List<DnsRecord> of(SendingDomain domain) {
        SendingDomain.Check check = domain.check();
        return List.of(
                record(Kind.SPF, domain.domain(), "v=spf1 " + spfMechanism + " ~all", check == null ? null : check.spf()),
                record(Kind.DKIM, dkimName(domain), "v=DKIM1; k=rsa; p=" + domain.publicKey(),
                        check == null ? null : check.dkim()),
                record(Kind.DMARC, dmarcName(domain), "v=DMARC1; p=none; rua=mailto:dmarc@" + domain.domain(),
                        check == null ? null : check.dmarc()));
    }

    private static DnsRecord record(Kind kind, String name, String value, SendingDomain.@Nullable Found found) {
        SendingDomain.Found f = found == null ? SendingDomain.Found.NOT_CHECKED : found;
        return new DnsRecord(kind, name, "TXT", value, f.status(), f.value());
    }

    public static String dkimName(SendingDomain domain) {
        return domain.selector() + "._domainkey." + domain.domain();
    }

    public static String dmarcName(SendingDomain domain) {
        return "_dmarc." + domain.domain();
    }

    /** The SPF state from the TXT values at the domain. */
    public SendingDomain.Found spf(List<String> txt) {
        Optional<String> spf = txt.stream().filter(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("v=spf1")).findFirst();
        if (spf.isEmpty()) {
            return new SendingDomain.Found(DnsRecordStatus.MISSING, "");
        }
        boolean names = List.of(spf.get().toLowerCase(Locale.ROOT).split("\\s+")).stream()
                .map(term -> term.replaceFirst("^[+~?]", ""))
                .anyMatch(term -> term.equals(spfMechanism.toLowerCase(Locale.ROOT)));
        return new SendingDomain.Found(names ? DnsRecordStatus.OK : DnsRecordStatus.DIFFERENT, spf.get());
    }

    /** The DKIM state from the TXT values at {@code <selector>._domainkey.<domain>}. */
    public static SendingDomain.Found dkim(SendingDomain domain, List<String> txt) {
        if (txt.isEmpty()) {
            return new SendingDomain.Found(DnsRecordStatus.MISSING, "");
        }
        for (String value : txt) {
            for (String tag : value.split(";")) {
                String t = tag.strip();
                if (t.startsWith("p=") && t.substring(2).replaceAll("\\s+", "").equals(domain.publicKey())) {
                    return new SendingDomain.Found(DnsRecordStatus.OK, value);
                }
            }
        }
        return new SendingDomain.Found(DnsRecordStatus.DIFFERENT, txt.getFirst());
    }

    /** The DMARC state from the TXT values at {@code _dmarc.<domain>}. */
    public static SendingDomain.Found dmarc(List<String> txt) {
        return txt.stream().filter(v -> v.strip().toUpperCase(Locale.ROOT).startsWith("V=DMARC1")).findFirst()
                .map(v -> new SendingDomain.Found(DnsRecordStatus.OK, v))
                .orElseGet(() -> txt.isEmpty() ? new SendingDomain.Found(DnsRecordStatus.MISSING, "")
                        : new SendingDomain.Found(DnsRecordStatus.DIFFERENT, txt.getFirst()));
    }
}
