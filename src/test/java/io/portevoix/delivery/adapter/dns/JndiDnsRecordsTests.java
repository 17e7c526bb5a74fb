package io.portevoix.delivery.adapter.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JNDI prints a TXT record's strings quoted only when they hold a space: they are joined back into one value. */
class JndiDnsRecordsTests {

    @Test
    void aRecordOfSeveralStringsIsJoinedWithoutTheQuotesAndSeparators() {
        assertThat(JndiDnsRecords.joined("\"v=DKIM1; k=rsa; p=MIIBIj\" ANBgkq \"hkiG9w\"")).isEqualTo("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w");
    }

    @Test
    void aSingleQuotedStringKeepsItsSpacesAndEscapedQuotes() {
        assertThat(JndiDnsRecords.joined("\"v=spf1 a:mail.example ~all\"")).isEqualTo("v=spf1 a:mail.example ~all");
        assertThat(JndiDnsRecords.joined("\"say \\\"hi\\\"\"")).isEqualTo("say \"hi\"");
        assertThat(JndiDnsRecords.joined("google-site-verification=abc")).isEqualTo("google-site-verification=abc");
    }
}
