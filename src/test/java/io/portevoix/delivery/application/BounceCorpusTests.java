package io.portevoix.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.delivery.adapter.imap.BounceParser;
import io.portevoix.delivery.application.port.BounceInbox;
import io.portevoix.delivery.application.port.BounceMailbox;
import io.portevoix.delivery.domain.BounceTags;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The corpus of src/test/resources/dsn: bounces written in the styles the big French and
 * international providers send (standard RFC 3464 reports, plain-text ones, an Exchange NDR, an ARF
 * complaint) and mails that must not count (an out-of-office sent to the tagged envelope sender, a
 * delay warning, a forged bounce). Each is parsed and attributed to its outbox message as the
 * mailbox poller does.
 */
class BounceCorpusTests {

    private static final Logger LOG = LoggerFactory.getLogger(BounceCorpusTests.class);
    static final BounceTags TAGS = new BounceTags("bounces@bounce.porte-voix.test",
            "test-secret-for-encrypted-settings-0123456789");
    static final String RUN = "0b8f5a52-3c1e-4e7a-9d2b-6a1f0c9e4d11";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            postfix-user-unknown.eml  | HARD      | jean.dupont@example.net   | User unknown in virtual mailbox table | HARD        | 1001 | -
            gmail-no-such-user.eml    | HARD      | camille.petit@gmail.com   | The email account that you tried to reach does not exist | HARD | 1002 | run
            outlook-ndr.eml           | HARD      | thomas.moreau@hotmail.fr  | RESOLVER.ADR.RecipientNotFound        | HARD        | 1003 | -
            orange-plain.eml          | HARD      | marie.martin@orange.fr    | Recipient address rejected: Adresse d au moins un destinataire invalide | HARD | 1004 | -
            free-qmail.eml            | HARD      | paul.durand@free.fr       | no mailbox here by that name          | HARD        | 1005 | run
            yahoo-disabled.eml        | HARD      | luc.bernard@yahoo.fr      | This user doesn't have a yahoo.fr account | HARD    | 1006 | -
            wanadoo-mailbox-full.eml  | SOFT      | lucie.garnier@wanadoo.fr  | Mailbox full                          | SOFT        | 1007 | -
            yahoo-arf-complaint.eml   | COMPLAINT | sophie.leroy@yahoo.fr     | Yahoo!-Mail-Feedback                  | COMPLAINT   | 1008 | run
            outlook-out-of-office.eml | OTHER     | -                         | -                                     | -           | -    | -
            postfix-delayed.eml       | OTHER     | -                         | -                                     | -           | -    | -
            mailto-unsubscribe.eml    | OTHER     | -                         | -                                     | UNSUBSCRIBE | 1011 | -
            forged-verp.eml           | HARD      | president@club-exemple.fr | User unknown                          | -           | -    | -
            """)
    void eachSampleIsUnderstoodAndAttributedToItsMessage(String file, BounceMailbox.Kind kind, String recipient, String reason,
            String reported, Long message, String byRun) throws Exception {
        BounceMailbox.Mail mail = BounceParser.parse(sample(file));

        assertThat(mail.kind()).isEqualTo(kind);
        if (recipient != null) {
            assertThat(mail.recipient()).isEqualTo(recipient);
            assertThat(mail.reason()).contains(reason);
        }
        Optional<BounceInbox.Report> report = BounceService.attribute(mail, TAGS, Instant.EPOCH);
        if (reported == null) {
            assertThat(report).isEmpty();
            return;
        }
        assertThat(report).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(reported);
            assertThat(r.message()).isEqualTo(message);
            // attributed by the quoted Message-ID (no tag): the run must match too; by a verified tag: the MAC is enough
            assertThat(r.run() == null ? null : r.run().value().toString()).isEqualTo(byRun == null ? null : RUN);
            assertThat(r.reportId()).isEqualTo("mail:" + mail.reportId());
        });
    }

    @Test
    void aBounceWithoutATagIsNotAttributedWhenItQuotesNoMessageOfOurs() throws Exception {
        BounceMailbox.Mail forged = BounceParser.parse(sample("forged-verp.eml"));

        assertThat(TAGS.read(forged.sentTo().getFirst())).isEmpty();
        assertThat(BounceService.attribute(forged, null, Instant.EPOCH)).isEmpty();
    }

    @Test
    void withoutTagsBouncesAreStillAttributedByTheMessageIdTheyQuote() throws Exception {
        Optional<BounceInbox.Report> report = BounceService.attribute(BounceParser.parse(sample("postfix-user-unknown.eml")), null,
                Instant.EPOCH);

        assertThat(report).hasValueSatisfying(r -> {
            assertThat(r.message()).isEqualTo(1001);
            assertThat(r.run()).isNotNull();
        });
    }

    /** Measured, not asserted: how many samples of the corpus one thread parses and attributes per second. */
    @Test
    void parsingTheCorpusIsFast() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        for (String file : List.of("postfix-user-unknown.eml", "gmail-no-such-user.eml", "outlook-ndr.eml", "orange-plain.eml",
                "free-qmail.eml", "yahoo-disabled.eml", "wanadoo-mailbox-full.eml", "yahoo-arf-complaint.eml",
                "outlook-out-of-office.eml", "postfix-delayed.eml", "mailto-unsubscribe.eml", "forged-verp.eml")) {
            corpus.add(sample(file));
        }
        for (int i = 0; i < 2_000; i++) {
            BounceService.attribute(BounceParser.parse(corpus.get(i % corpus.size())), TAGS, Instant.EPOCH);
        }
        int n = 12_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            BounceService.attribute(BounceParser.parse(corpus.get(i % corpus.size())), TAGS, Instant.EPOCH);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Parsed and attributed {} bounce mails in {} ms: {} per second", n, took.toMillis(),
                n * 1_000_000_000L / Math.max(1, took.toNanos()));
        assertThat(took).isLessThan(Duration.ofMinutes(1));
    }

    static byte[] sample(String file) throws Exception {
        try (InputStream in = BounceCorpusTests.class.getResourceAsStream("/dsn/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }
}
