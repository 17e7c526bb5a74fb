package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.delivery.application.DeliverySettings;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.PageSpec;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.support.TestDnsServer;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.CreateAccount;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Sending domains through the real services, database and SMTP sandbox, with a loopback DNS
 * server standing for the domain's zone: keys are generated and stored sealed, campaign warnings
 * follow the key and the last DNS verification, campaign mail is DKIM-signed once the key is
 * published, and another account neither sees nor signs with the domain.
 */
@PorteVoixTest
class SendingDomainsIntegrationTests {

    @Autowired SendingDomains domains;
    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries campaignQueries;
    @Autowired ContactCommands contacts;
    @Autowired CreditCommands credits;
    @Autowired MailSandbox sandbox;
    @Autowired DeliverySettings settings;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    TestDnsServer dns;
    AccountId account;
    String admin;
    String domain;

    @BeforeEach
    void accountAndZone() throws Exception {
        dns = new TestDnsServer().useForJndi();
        admin = uniqueEmail("domains");
        account = asSystem(() -> accounts.create(new CreateAccount("Club Signé", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        domain = "signe" + System.nanoTime() + ".example";
    }

    @AfterEach
    void close() {
        TestActors.logout();
        dns.close();
    }

    private CampaignDetails campaign(String from) {
        return campaigns.create(new CampaignDraft("Signée " + System.nanoTime(), "", Channel.EMAIL, BroadcastType.INFORMATIVE,
                new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("Nouvelles du club", "", "<p>Bonjour</p>", "", null, "Club", from, "", "")));
    }

    private List<String> warnings(CampaignDetails c) {
        return campaignQueries.count(c.id()).warnings();
    }

    private void publish(SendingDomainDetails d) {
        d.records().forEach(r -> dns.txt(r.name(), r.value()));
    }

    @Test
    void aNewDomainGetsAnRsaKeyWhosePrivateHalfIsStoredSealed() throws Exception {
        SendingDomainDetails added = domains.add("News@" + domain.toUpperCase());

        assertThat(added.domain()).isEqualTo(domain);
        assertThat(added.selector()).matches("pv\\d{8}");
        assertThat(added.records()).extracting(SendingDomainDetails.DnsRecord::kind)
                .containsExactly(SendingDomainDetails.Kind.SPF, SendingDomainDetails.Kind.DKIM, SendingDomainDetails.Kind.DMARC);
        SendingDomainDetails.DnsRecord dkim = added.records().get(1);
        assertThat(dkim.name()).isEqualTo(added.selector() + "._domainkey." + domain);
        assertThat(dkim.value()).startsWith("v=DKIM1; k=rsa; p=MII");
        assertThat(added.records().get(0).value()).isEqualTo("v=spf1 " + settings.spfMechanism() + " ~all");
        assertThat(added.records().get(2).name()).isEqualTo("_dmarc." + domain);
        assertThat(added.records()).allMatch(r -> r.status() == DnsRecordStatus.NOT_CHECKED);

        Map<String, Object> row = jdbc.sql("select public_key, private_key from delivery.sending_domain where domain = ?")
                .params(domain).query().singleRow();
        String stored = (String) row.get("private_key");
        assertThat(stored).startsWith("v1:").doesNotContain("MII");
        String opened = settings.secretBox().orElseThrow().open("dkim-key:" + account.value() + ":" + domain, stored);
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(opened)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode((String) row.get("public_key"))));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(privateKey.getModulus()).isEqualTo(publicKey.getModulus());
        assertThat(privateKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        // sealed for this account and domain only: the value copied to another domain does not open
        assertThatThrownBy(() -> settings.secretBox().orElseThrow().open("dkim-key:" + account.value() + ":other.example", stored))
                .isInstanceOf(IllegalStateException.class);
        assertThat(audit.find(new AuditFilter(null, null, null, null, null), PageSpec.first(20)))
                .anyMatch(e -> e.action().equals("delivery.domain-add") && e.target().equals(domain));
    }

    @Test
    void rotatingGivesANewSelectorAndKeyAndDeletingRemovesTheDomain() {
        SendingDomainDetails first = domains.add(domain);
        SendingDomainDetails rotated = domains.rotate(domain);

        assertThat(rotated.selector()).isNotEqualTo(first.selector()).startsWith("pv");
        assertThat(rotated.records().get(1).value()).isNotEqualTo(first.records().get(1).value());
        assertThatThrownBy(() -> domains.add(domain)).isInstanceOf(io.portevoix.shared.InvalidInputException.class);
        domains.delete(domain);
        assertThat(domains.list()).noneMatch(d -> d.domain().equals(domain));
        assertThatThrownBy(() -> domains.rotate(domain)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void warningsFollowTheKeyAndWhatTheLastVerificationFound() {
        CampaignDetails c = campaign("news@" + domain);
        assertThat(warnings(c)).contains("DKIM_MISSING").doesNotContain("SPF_MISSING", "DMARC_MISSING");

        SendingDomainDetails added = domains.add(domain);
        assertThat(warnings(c)).doesNotContain("DKIM_MISSING", "SPF_MISSING").contains("DNS_NOT_VERIFIED");

        SendingDomainDetails nothing = domains.verify(domain);
        assertThat(nothing.checkedAt()).isNotNull();
        assertThat(nothing.dnsUnreachable()).isFalse();
        assertThat(nothing.records()).allMatch(r -> r.status() == DnsRecordStatus.MISSING);
        assertThat(warnings(c)).contains("SPF_MISSING", "DMARC_MISSING", "DKIM_NOT_PUBLISHED").doesNotContain("DKIM_MISSING",
                "DNS_NOT_VERIFIED");

        dns.txt(domain, "v=spf1 include:other-provider.example ~all");
        SendingDomainDetails different = domains.verify(domain);
        assertThat(different.records().getFirst().status()).isEqualTo(DnsRecordStatus.DIFFERENT);
        assertThat(different.records().getFirst().found()).isEqualTo("v=spf1 include:other-provider.example ~all");

        publish(added);
        SendingDomainDetails published = domains.verify(domain);
        assertThat(published.records()).allMatch(r -> r.status() == DnsRecordStatus.OK);
        assertThat(warnings(c)).doesNotContain("DKIM_MISSING", "SPF_MISSING", "DMARC_MISSING", "DKIM_NOT_PUBLISHED",
                "DNS_NOT_VERIFIED");
    }

    @Test
    void anUnreachableDnsIsNotCheckedAndRaisesNoSpfOrDmarcWarning() throws Exception {
        CampaignDetails c = campaign("news@" + domain);
        domains.add(domain);
        int closed;
        try (java.net.DatagramSocket unused = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            closed = unused.getLocalPort();
        }
        System.setProperty("java.naming.provider.url", "dns://127.0.0.1:" + closed);

        long started = System.nanoTime();
        SendingDomainDetails checked = domains.verify(domain);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(checked.dnsUnreachable()).isTrue();
        assertThat(checked.checkedAt()).isNotNull();
        assertThat(checked.records()).allMatch(r -> r.status() == DnsRecordStatus.NOT_CHECKED);
        assertThat(warnings(c)).contains("DNS_NOT_VERIFIED").doesNotContain("SPF_MISSING", "DMARC_MISSING", "DKIM_MISSING");
    }

    @Test
    void campaignMailIsSignedOnceTheKeyIsPublishedAndAnotherAccountCannotUseTheDomain() {
        asSystem(() -> credits.grant(new GrantCredits(account, 10, "test")));
        String member = "adherent" + System.nanoTime() + "@members.example";
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, member).build(), ConsentSource.API);
        SendingDomainDetails added = domains.add(domain);
        publish(added);
        domains.verify(domain);

        CampaignDetails c = campaign("news@" + domain);
        campaigns.send(c.id(), null);
        SandboxMessage signed = received(member);
        assertThat(signed.headers().get("DKIM-Signature")).contains("d=" + domain).contains("s=" + added.selector());

        // another account: the domain is not among its own, and its mail from that domain leaves unsigned
        TestActors.logout();
        String otherAdmin = uniqueEmail("domains-other");
        AccountId other = asSystem(() -> accounts.create(new CreateAccount("Club Voisin", null, new EmailAddress(otherAdmin), "",
                PASSWORD)));
        asSystem(() -> credits.grant(new GrantCredits(other, 10, "test")));
        login(loginProvider, otherAdmin);
        assertThat(domains.list()).isEmpty();
        assertThatThrownBy(() -> domains.verify(domain)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> domains.delete(domain)).isInstanceOf(NoSuchElementException.class);
        assertThat(jdbc.sql("select count(*) from delivery.sending_domain where domain = ?").params(domain)
                .query(Long.class).single()).isZero();
        String neighbour = "voisin" + System.nanoTime() + "@members.example";
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, neighbour).build(), ConsentSource.API);
        CampaignDetails spoof = campaign("news@" + domain);
        assertThat(warnings(spoof)).contains("DKIM_MISSING");
        campaigns.send(spoof.id(), null);
        assertThat(received(neighbour).headers()).doesNotContainKey("DKIM-Signature");
    }

    private SandboxMessage received(String to) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> asSystem(() -> sandbox.messages()).stream()
                .filter(m -> m.to().contains(to)).findFirst(), Optional::isPresent).orElseThrow();
    }
}
