package io.portevoix.delivery.adapter.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.portevoix.delivery.application.DeliverySettings;
import io.portevoix.delivery.application.port.DkimSigning;
import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.delivery.domain.DkimKeyPair;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.TestDnsServer;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP adapter signs with the DKIM description it is given: the message GreenMail receives
 * carries a DKIM-Signature that Apache jDKIM verifies against the public key of the pair (and
 * rejects against another key). The signer checks the key in DNS first (a loopback DNS server
 * here): a key that is not published leaves the message unsigned, never undelivered.
 */
class SmtpDkimSigningTests {

    /** One per test: the signer keeps published keys for two hours, per selector. */
    static String SELECTOR;

    GreenMail server;
    SmtpMailTransport transport;
    TestDnsServer dns;

    @BeforeEach
    void smtpServer() throws Exception {
        dns = new TestDnsServer().useForJndi();
        SELECTOR = "pv" + System.nanoTime();
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        DeliverySettings settings = new DeliverySettings("http://localhost:8080", "", new DeliverySettings.Smtp("127.0.0.1",
                server.getSmtp().getPort(), "", "", "none", 1, 1), new DeliverySettings.Sandbox(false, 0), Duration.ofSeconds(1),
                null, "", "", null);
        transport = new SmtpMailTransport(settings, new SandboxSmtpServer(settings));
    }

    @AfterEach
    void stop() {
        transport.destroy();
        server.stop();
        dns.close();
    }

    /** The signer reads the published key before it signs: publish it on the test DNS server. */
    void publish(DkimKeyPair key) {
        dns.txt(SELECTOR + "._domainkey.club-dkim.example", "v=DKIM1; k=rsa; p=" + key.publicKey());
    }

    static OutgoingMail mail(String to) {
        return new OutgoingMail(new EmailAddress("news@club-dkim.example"), "Club DKIM", new EmailAddress(to),
                "Assemblée générale", "Bonjour,\nl'AG a lieu jeudi.", "<p>Bonjour,</p><p>l'AG a lieu <b>jeudi</b>.</p>",
                "<m1.run@club-dkim.example>", null, Map.of("Feedback-ID", "c:a:informative:porte-voix"));
    }

    static DkimSigning signing(DkimKeyPair key) {
        return new DkimSigning("club-dkim.example", SELECTOR, Base64.getDecoder().decode(key.privateKey()));
    }

    byte[] received() throws Exception {
        MimeMessage[] messages = server.getReceivedMessages();
        assertThat(messages).hasSize(1);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        messages[0].writeTo(raw);
        return raw.toByteArray();
    }

    /** A verifier whose only DNS is the DKIM record of {@code publicKey} at <selector>._domainkey.club-dkim.example. */
    static DKIMVerifier verifier(String publicKey) {
        return new DKIMVerifier((method, selector, token) -> SELECTOR.contentEquals(selector)
                && "club-dkim.example".contentEquals(token) ? List.of("v=DKIM1; k=rsa; p=" + publicKey) : List.of());
    }

    @Test
    void aSignedMessageVerifiesAgainstThePublicKeyOfItsDomain() throws Exception {
        DkimKeyPair key = DkimKeyPair.generate();
        publish(key);
        transport.send(transport.builtIn().orElseThrow(), mail("adherent@example.org").signedWith(Optional.of(signing(key))));

        byte[] raw = received();
        MimeMessage message = server.getReceivedMessages()[0];
        assertThat(message.getHeader("DKIM-Signature")).hasSize(1);
        assertThat(message.getHeader("DKIM-Signature")[0]).contains("d=club-dkim.example").contains("s=" + SELECTOR)
                .contains("a=rsa-sha256");
        List<SignatureRecord> valid = verifier(key.publicKey()).verify(new ByteArrayInputStream(raw));
        assertThat(valid).hasSize(1);
        assertThat(valid.getFirst().getDToken().toString()).isEqualTo("club-dkim.example");
        assertThat(valid.getFirst().getSelector().toString()).isEqualTo(SELECTOR);
        assertThat(message.getMessageID()).isEqualTo("<m1.run@club-dkim.example>");
    }

    @Test
    void theSignatureDoesNotVerifyAgainstAnotherKey() throws Exception {
        DkimKeyPair key = DkimKeyPair.generate();
        publish(key);
        transport.send(transport.builtIn().orElseThrow(), mail("adherent@example.org").signedWith(Optional.of(signing(key))));

        byte[] raw = received();
        assertThatThrownBy(() -> verifier(DkimKeyPair.generate().publicKey()).verify(new ByteArrayInputStream(raw)))
                .isInstanceOf(PermFailException.class);
    }

    @Test
    void aKeyThatDnsDoesNotPublishSendsTheMessageUnsignedInsteadOfFailing() throws Exception {
        transport.send(transport.builtIn().orElseThrow(), mail("adherent@example.org").signedWith(Optional.of(signing(DkimKeyPair.generate()))));

        received();
        assertThat(server.getReceivedMessages()[0].getHeader("DKIM-Signature")).isNull();
    }

    @Test
    void aMessageWithoutSigningDescriptionIsNotSigned() throws Exception {
        transport.send(transport.builtIn().orElseThrow(), mail("adherent@example.org"));

        received();
        assertThat(server.getReceivedMessages()[0].getHeader("DKIM-Signature")).isNull();
    }
}
