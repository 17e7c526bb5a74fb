package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;

/** Exports of the contacts matching criteria, streamed or in the background, neutralised, per account. */
@PorteVoixTest
class ExportsIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired ExportCommands exportCommands;
    @Autowired ExportQueries exportQueries;

    String admin;
    String other;
    static final Map<String, Object> CLIENTS = Map.of("match", "ALL",
            "rules", List.of(Map.of("field", "status", "op", "eq", "value", "CLIENT")));

    @BeforeEach
    void membersWithAHostileName() {
        admin = uniqueEmail("export");
        other = uniqueEmail("export-other");
        asSystem(() -> accounts.create(new CreateAccount("Export", null, new EmailAddress(admin), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Export autre", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, admin);
        add("zoe@club.example", "Zoé", "=HYPERLINK(\"http://evil.example\")", "CLIENT", "2026-12-31");
        add("leo@club.example", "Léo", "Dupont; \"le grand\"", "CLIENT", null);
        add("prospect@club.example", "Paul", "Prospect", "PROSPECT", null);
    }

    private void add(String email, String first, String last, String status, String end) {
        ContactInput.Builder input = ContactInput.builder().set(ContactField.EMAIL, email).set(ContactField.FIRST_NAME, first)
                .set(ContactField.LAST_NAME, last).set(ContactField.STATUS, status);
        if (end != null) {
            input.set(ContactField.SUBSCRIPTION_END, end);
        }
        contacts.upsert(input.build(), ConsentSource.API);
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private String export(CsvFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = exportCommands.export(CLIENTS, List.of("lastName", "firstName", "email", "status",
                "subscription.endDate", "consent.EMAIL.MARKETING"), format, out);
        assertThat(written).isEqualTo(2);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anExcelExportHasABomSemicolonsFrenchValuesAndNoRunnableFormula() {
        String csv = export(CsvFormat.EXCEL_FR);
        assertThat(csv).startsWith("\uFEFFlastName;firstName;email;status;subscription.endDate;consent.EMAIL.MARKETING\r\n");
        assertThat(csv.lines().skip(1).toList()).containsExactlyInAnyOrder(
                "\"'=HYPERLINK(\"\"http://evil.example\"\")\";Zoé;zoe@club.example;Client;31/12/2026;Non",
                "\"Dupont; \"\"le grand\"\"\";Léo;leo@club.example;Client;;Non");
    }

    @Test
    void aStandardExportIsRfc4180WithIsoValues() {
        String csv = export(CsvFormat.RFC_4180);
        assertThat(csv).startsWith("lastName,firstName,email,status,subscription.endDate,consent.EMAIL.MARKETING\r\n");
        assertThat(csv).contains("Zoé,zoe@club.example,CLIENT,2026-12-31,false\r\n");
    }

    @Test
    void aBackgroundExportWritesTheSameFileAndStaysInItsAccount() {
        ExportId id = exportCommands.startExport("Clients", CLIENTS, List.of("lastName", "firstName", "email", "status",
                "subscription.endDate", "consent.EMAIL.MARKETING"), CsvFormat.EXCEL_FR);
        ExportSummary done = await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(300))
                .until(() -> exportQueries.find(id).orElseThrow(), e -> e.status() == ExportStatus.DONE);
        assertThat(done.total()).isEqualTo(2);
        assertThat(done.written()).isEqualTo(2);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        assertThat(exportQueries.download(id, file)).isTrue();
        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo(export(CsvFormat.EXCEL_FR));

        login(loginProvider, other);
        assertThat(exportQueries.find(id)).isEmpty();
        assertThat(exportQueries.exports()).isEmpty();
        assertThat(exportQueries.download(id, new ByteArrayOutputStream())).isFalse();
    }

    @Test
    void theResultGridPagesThroughTheMatchingMembersByName() {
        List<ContactDetails> page = exportQueries.members(CLIENTS, new io.portevoix.shared.PageSpec(0, 10));
        assertThat(page).extracting(ContactDetails::firstName).containsExactlyInAnyOrder("Zoé", "Léo");
    }
}
