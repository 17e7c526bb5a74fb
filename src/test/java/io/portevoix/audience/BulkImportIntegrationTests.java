package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * What the bulk import (stored contacts fetched per chunk, then contacts, consent history and
 * members written per chunk in one statement each) must keep of the line-by-line semantics.
 * Files of more than one chunk (5,000 records) check what crosses a chunk boundary.
 */
@PorteVoixTest
class BulkImportIntegrationTests {

    static final String HEADER = "E-mail;Prénom;Nom;Portable;Opt-in email\n";

    @Autowired AccountCommands accounts;
    @Autowired ContactCommands contacts;
    @Autowired ContactQueries queries;
    @Autowired ImportCommands imports;
    @Autowired ImportQueries importQueries;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired JdbcClient jdbc;

    String admin;

    @BeforeEach
    void account() {
        admin = uniqueEmail("bulk");
        asSystem(() -> accounts.create(new CreateAccount("Bulk", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private ImportSummary runImport(String csv, boolean updateExisting, Map<Channel, Map<BroadcastType, Boolean>> defaults) {
        ImportId id = imports.start(new StartImport("bulk.csv", csv.getBytes(StandardCharsets.UTF_8), updateExisting,
                Map.of(), "Bulk", defaults, ConsentSource.IMPORT));
        return await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(300))
                .until(() -> importQueries.find(id).orElseThrow(),
                        summary -> summary.status() == ImportStatus.DONE || summary.status() == ImportStatus.FAILED);
    }

    @org.junit.jupiter.api.Test
    void aCustomFieldValueThatDoesNotFitItsTypeIsAWarningAndTheLineStillGoesIn(
            @Autowired AttributeSettings attributes) {
        attributes.save(new AttributeDefinition("niveau", "Niveau", AttributeType.CHOICE, List.of("Débutant", "Confirmé")));
        attributes.save(new AttributeDefinition("licence", "Licence", AttributeType.DATE, List.of()));
        ImportId id = imports.start(new StartImport("typed.csv", ("email;Niveau;Licence\n"
                + "typed1@club.fr;confirmé;31/12/2027\ntyped2@club.fr;Expert;le 3 mai\n").getBytes(StandardCharsets.UTF_8), true,
                Map.of("email", "email", "Niveau", "attributes.niveau", "Licence", "attributes.licence"), "Typed"));
        ImportSummary summary = await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> importQueries.find(id).orElseThrow(), r -> r.status() == ImportStatus.DONE);
        assertThat(summary.created()).isEqualTo(2);
        assertThat(summary.rejected()).isZero();
        assertThat(contact("typed1@club.fr").attributes()).containsEntry("niveau", "Confirmé").containsEntry("licence",
                "2027-12-31");
        assertThat(contact("typed2@club.fr").attributes()).isEmpty();
        assertThat(summary.warnings()).extracting(ImportIssue::column)
                .contains("attributes.niveau", "attributes.licence");
    }

    private ImportSummary runImport(String csv) {
        return runImport(csv, true, Map.of());
    }

    private static String filler(int from, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            lines.append("membre").append(i).append("@club.fr;Membre;N").append(i).append(";;Non\n");
        }
        return lines.toString();
    }

    private ContactDetails contact(String email) {
        List<ContactDetails> found = queries.findByEmail(email);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private long consentRows() {
        return jdbc.sql("select count(*) from audience.consent_change").query(Long.class).single();
    }

    private long members(ImportId id) {
        return jdbc.sql("select count(*) from audience.import_member where import_id = ?").param(id.value())
                .query(Long.class).single();
    }

    @Test
    void aKeyRepeatedInTheSameChunkAndInALaterOneUpdatesOneContactAndTheLaterLineWins() {
        String csv = HEADER
                + "anne@club.fr;Anne;Martin;06 12 34 56 78;Oui\n"
                + filler(1, 10)
                + "ANNE@club.fr;;Martin-Durand;;\n"
                + filler(11, 5_000)
                + "anne@club.fr;Annie;;;Non\n";
        ImportSummary summary = runImport(csv);

        assertThat(summary.status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary.total()).isEqualTo(5_013);
        assertThat(summary.created()).isEqualTo(5_011);
        assertThat(summary.updated()).as("both repeats update the contact the first line created").isEqualTo(2);
        assertThat(summary.rejected()).isZero();
        ContactDetails anne = contact("anne@club.fr");
        assertThat(anne.firstName()).isEqualTo("Annie");
        assertThat(anne.lastName()).as("a blank cell of a later line leaves the field").isEqualTo("Martin-Durand");
        assertThat(anne.mobile()).isEqualTo("+33612345678");
        assertThat(anne.consents().emailMarketing()).isFalse();
        assertThat(queries.consentHistory(anne.id())).extracting(ConsentChange::granted).containsExactly(false, true);
        assertThat(members(summary.id())).as("each contact once in the import's list").isEqualTo(5_011);
    }

    @Test
    void reimportingTheSameFileCreatesNothingAndRecordsNoConsentChange() {
        String csv = HEADER + "lea@club.fr;Léa;Moreau;0612345678;Oui\n" + "hugo@club.fr;Hugo;Petit;;Non\n"
                + "pas-un-email;X;Y;;Oui\n";
        ImportSummary first = runImport(csv);
        assertThat(first.created()).isEqualTo(2);
        long history = consentRows();

        ImportSummary second = runImport(csv);

        assertThat(second.created()).isZero();
        assertThat(second.updated()).isEqualTo(2);
        assertThat(second.rejected()).isEqualTo(1);
        assertThat(second.total()).isEqualTo(second.created() + second.updated() + second.rejected());
        assertThat(consentRows()).isEqualTo(history);
        assertThat(members(second.id())).isEqualTo(2);
        assertThat(contact("lea@club.fr").consents().emailMarketing()).isTrue();
    }

    @Test
    void theConsentHistoryAndTheMembersOfAnImportReferToStoredContactsThatCannotBeDeleted() {
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, "deja@club.fr").build(), ConsentSource.USER);

        ImportSummary summary = runImport(HEADER + "DEJA@club.fr;Déjà;;;Oui\n" + "neuf@club.fr;Neuf;;;Oui\n"
                + "NEUF@club.fr;;;;Non\n");

        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.updated()).isEqualTo(2);
        assertThat(members(summary.id())).isEqualTo(2);
        assertThat(queries.consentHistory(contact("deja@club.fr").id())).isNotEmpty();
        assertThat(queries.consentHistory(contact("neuf@club.fr").id())).extracting(ConsentChange::granted)
                .containsExactly(false, true);
        assertThat(jdbc.sql("""
                select count(*) from audience.import_member m where m.import_id = ?
                  and not exists (select 1 from audience.contact c where c.id = m.contact_id)""")
                .param(summary.id().value()).query(Long.class).single()).as("members without their contact").isZero();
        assertThat(jdbc.sql("""
                select count(*) from audience.consent_change h
                where not exists (select 1 from audience.contact c where c.id = h.contact_id)""")
                .query(Long.class).single()).as("consent history without its contact").isZero();
        assertThatThrownBy(() -> jdbc.sql("delete from audience.contact where id = ?")
                .param(contact("neuf@club.fr").id().value()).update()).rootCause().hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from audience.import_job where id = ?")
                .param(summary.id().value()).update()).rootCause().hasMessageContaining("never deleted");
        assertThat(contact("neuf@club.fr").firstName()).isEqualTo("Neuf");
    }

    @Test
    void rejectedLinesAreCountedWithTheirLineColumnValueAndReason() {
        ImportSummary summary = runImport(HEADER + "ok@club.fr;Ok;Un;;Oui\n" + "faux@@club;Faux;Deux;;Oui\n"
                + ";Sans;Email;0612345679;Non\n" + "tel@club.fr;Tel;Illisible;12;Oui\n");

        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.created()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.errors()).extracting(ImportIssue::line).containsExactly(3L, 4L);
        assertThat(summary.errors().getFirst().column()).isEqualTo("E-mail");
        assertThat(summary.errors().getFirst().value()).isEqualTo("faux@@club");
        assertThat(summary.errors().getFirst().reason()).contains("Invalid e-mail");
        assertThat(summary.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.line()).isEqualTo(5L);
            assertThat(warning.column()).isEqualTo("Portable");
        });
        assertThat(contact("tel@club.fr").mobile()).isNull();
    }

    @Test
    void anImportThatDoesNotUpdateExistingContactsRejectsThemButUpdatesItsOwnRepeats() {
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, "ancien@club.fr")
                .set(ContactField.FIRST_NAME, "Ancien").build(), ConsentSource.USER);

        ImportSummary summary = runImport(HEADER + "ancien@club.fr;Changé;;;\n" + "nouveau@club.fr;Nouveau;;;\n"
                + filler(1, 5_000) + "NOUVEAU@club.fr;Renommé;;;\n" + "ancien@club.fr;Encore;;;\n", false, Map.of());

        assertThat(summary.created()).isEqualTo(5_001);
        assertThat(summary.updated()).as("the repeat of a contact the import created").isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.errors()).allSatisfy(error -> assertThat(error.reason()).contains("Already exists"));
        assertThat(contact("ancien@club.fr").firstName()).isEqualTo("Ancien");
        assertThat(contact("nouveau@club.fr").firstName()).isEqualTo("Renommé");
    }

    @Test
    void aRetriedImportDoesNotRejectTheContactsItsFirstAttemptWrote() {
        String csv = HEADER + "premier@club.fr;Premier;;;Oui\n" + "second@club.fr;Second;;;Non\n";
        ImportSummary first = runImport(csv, false, Map.of());
        assertThat(first.created()).isEqualTo(2);
        jdbc.sql("update audience.import_job set status = 'QUEUED', content = ? where id = ?")
                .params(csv.getBytes(StandardCharsets.UTF_8), first.id().value()).update();
        long history = consentRows();

        imports.process(first.id());

        ImportSummary retried = importQueries.find(first.id()).orElseThrow();
        assertThat(retried.status()).isEqualTo(ImportStatus.DONE);
        assertThat(retried.rejected()).as("its own contacts, not someone else's").isZero();
        assertThat(retried.total()).isEqualTo(2);
        assertThat(consentRows()).isEqualTo(history);
        assertThat(members(first.id())).isEqualTo(2);
    }

    @Test
    void defaultConsentsGoOnlyToTheContactsTheImportCreates() {
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, "existant@club.fr").build(), ConsentSource.USER);
        String csv = "E-mail;Prénom\n" + "existant@club.fr;Existant\n" + "cree@club.fr;Créé\n" + "CREE@club.fr;Créée\n";

        ImportSummary summary = runImport(csv, true, Map.of(Channel.SMS, Map.of(BroadcastType.MARKETING, true)));

        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.updated()).isEqualTo(2);
        ContactDetails existing = contact("existant@club.fr");
        assertThat(existing.consents().smsMarketing()).isFalse();
        assertThat(queries.consentHistory(existing.id())).isEmpty();
        ContactDetails created = contact("cree@club.fr");
        assertThat(created.firstName()).isEqualTo("Créée");
        assertThat(created.consents().smsMarketing()).isTrue();
        assertThat(queries.consentHistory(created.id())).singleElement().satisfies(change -> {
            assertThat(change.source()).isEqualTo(ConsentSource.IMPORT);
            assertThat(change.granted()).isTrue();
        });
    }

    @Test
    void theSameKeysInAnotherAccountAreOtherContacts() {
        String csv = HEADER + "partage@club.fr;Partagé;;;Oui\n";
        assertThat(runImport(csv).created()).isEqualTo(1);
        String other = uniqueEmail("bulk-other");
        asSystem(() -> accounts.create(new CreateAccount("Bulk autre", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, other);

        ImportSummary summary = runImport(csv);

        assertThat(summary.created()).as("another account's contact is never updated").isEqualTo(1);
        assertThat(queries.findByEmail("partage@club.fr")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audience.contact").query(Long.class).single()).isEqualTo(1);
    }
}
