package io.portevoix.templates;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AddUser;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.UserCommands;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The template library on the real database: saving checks tags, levels, the network, isolation. */
@PorteVoixTest
class TemplatesIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired UserCommands users;
    @Autowired ApiKeyCommands keys;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired TemplateCommands commands;
    @Autowired TemplateQueries queries;
    @Autowired TemplateRenderer renderer;
    @Autowired ContactCommands contacts;
    @Autowired JdbcClient jdbc;
    @Autowired io.portevoix.delivery.MailSandbox sandbox;

    final HttpClient http = HttpClient.newHttpClient();
    String hqAdmin;
    String lyonAdmin;
    String bordeauxAdmin;
    AccountId hq;
    AccountId lyon;

    @BeforeEach
    void network() {
        hqAdmin = uniqueEmail("hq");
        lyonAdmin = uniqueEmail("lyon");
        bordeauxAdmin = uniqueEmail("bordeaux");
        hq = asSystem(() -> accounts.create(new CreateAccount("Réseau test", null, new EmailAddress(hqAdmin), "", PASSWORD)));
        lyon = asSystem(() -> accounts.create(new CreateAccount("Club Lyon test", hq, new EmailAddress(lyonAdmin), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Club Bordeaux test", hq, new EmailAddress(bordeauxAdmin), "", PASSWORD)));
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private TemplateDetails email(String name, String subject, String html) {
        return commands.create(new CreateTemplate(name, "", Channel.EMAIL, List.of("Relance", " relance "), null,
                new TemplateStart.WithContent(new EmailContent(subject, "", html, null), "")));
    }

    @Test
    void aStarterBecomesATemplateWithCheckedTagsAndAnEmailSafeDocument() {
        login(loginProvider, lyonAdmin);
        TemplateDetails created = commands.create(new CreateTemplate("Relance", "", Channel.EMAIL, List.of(), null,
                new TemplateStart.FromStarter(TemplateStart.Starter.TWO_COLUMNS_WITH_IMAGE)));
        assertThat(created.email().html()).contains("<!--[if mso]>", "{{ unsubscribeUrl }}")
                .doesNotContain("%PUBLIC_URL%");
        assertThat(queries.check(created.email().html(), BroadcastType.MARKETING)).isNotEmpty()
                .as("a starter's only findings are its links waiting for their address")
                .extracting(CheckFinding::rule).containsOnly(CheckRule.PLACEHOLDER_LINK);
        assertThat(queries.list(TemplateFilter.ACTIVE)).extracting(TemplateSummary::name).containsExactly("Relance");
    }

    @Test
    void anUnknownTagIsRefusedWithItsNameAndPositionAndNothingIsSaved() {
        login(loginProvider, lyonAdmin);
        TemplateDetails template = email("Bienvenue", "Bonjour", "<p>Bonjour {{ contact.firstName }}</p>");
        assertThatThrownBy(() -> commands.saveEmail(template.id(),
                new EmailContent("Salut {{ contact.prenom }}", "", "<p>ok</p>", null)))
                .isInstanceOfSatisfying(MergeTagException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.tag()).isEqualTo("contact.prenom");
                            assertThat(p.field()).isEqualTo("subject");
                            assertThat(p.column()).isEqualTo(10);
                        }));
        assertThatThrownBy(() -> commands.saveEmail(template.id(),
                new EmailContent("ok", "", "<p>{% if contact.firstName %}sans fin</p>", null)))
                .isInstanceOf(MergeTagException.class);
        assertThat(queries.find(template.id()).orElseThrow().email().subject()).isEqualTo("Bonjour");
        assertThat(queries.find(template.id()).orElseThrow().tags()).containsExactly("relance");
    }

    @Test
    void hostileHtmlIsSanitisedWhenSaved() {
        login(loginProvider, lyonAdmin);
        TemplateDetails template = email("Piège", "Objet",
                "<p onclick=\"steal()\">Bonjour</p><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>"
                        + "<a href=\"{{ unsubscribeUrl }}\">Se désinscrire</a>");
        String html = queries.find(template.id()).orElseThrow().email().html();
        assertThat(html).doesNotContain("<script", "onclick", "javascript:").contains("href=\"{{ unsubscribeUrl }}\"");
    }

    @Test
    void aGuestReadsButCannotEditAndAnEditorCannotShareWithTheNetwork() {
        login(loginProvider, hqAdmin);
        TemplateDetails template = email("Lettre", "Objet", "<p>Texte</p>");
        String guest = uniqueEmail("guest");
        String editor = uniqueEmail("editor");
        users.add(new AddUser(new EmailAddress(guest), "Invité", PASSWORD, false, AccessLevels.all(AccessLevel.GUEST)));
        users.add(new AddUser(new EmailAddress(editor), "Éditeur", PASSWORD, false, AccessLevels.all(AccessLevel.EDITOR)));
        login(loginProvider, guest);
        assertThat(queries.find(template.id())).isPresent();
        assertThatThrownBy(() -> commands.saveEmail(template.id(), new EmailContent("x", "", "<p>y</p>", null)))
                .isInstanceOf(AccessDeniedException.class);
        login(loginProvider, editor);
        commands.saveEmail(template.id(), new EmailContent("Nouvel objet", "", "<p>y</p>", null));
        assertThatThrownBy(() -> commands.publish(template.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void headquartersShareTemplatesAndUpdatesReachOnlyUnmodifiedCopies() {
        login(loginProvider, hqAdmin);
        TemplateDetails original = email("Newsletter réseau", "Les nouvelles du réseau", "<p>Version 1</p>");
        assertThat(commands.publish(original.id())).isEqualTo(2);

        login(loginProvider, bordeauxAdmin);
        TemplateSummary bordeauxCopy = queries.list(TemplateFilter.ACTIVE).getFirst();
        assertThat(bordeauxCopy.fromNetwork()).isTrue();
        commands.saveEmail(bordeauxCopy.id(), new EmailContent("Les nouvelles de Bordeaux", "", "<p>Adapté</p>", null));

        login(loginProvider, hqAdmin);
        commands.saveEmail(original.id(), new EmailContent("Les nouvelles du réseau", "", "<p>Version 2</p>", null));

        login(loginProvider, lyonAdmin);
        TemplateDetails lyonCopy = queries.find(queries.list(TemplateFilter.ACTIVE).getFirst().id()).orElseThrow();
        assertThat(lyonCopy.email().html()).contains("Version 2");
        assertThat(lyonCopy.modifiedLocally()).isFalse();
        login(loginProvider, bordeauxAdmin);
        TemplateDetails adapted = queries.find(bordeauxCopy.id()).orElseThrow();
        assertThat(adapted.email().html()).contains("Adapté").doesNotContain("Version 2");
        assertThat(adapted.modifiedLocally()).isTrue();
    }

    @Test
    void aLockedNetworkTemplateCanBeUsedButNotChangedDuplicatedOrDeleted() {
        login(loginProvider, hqAdmin);
        TemplateDetails notice = email("Rejet de prélèvement", "Rejet", "<p>Votre prélèvement a été rejeté.</p>");
        commands.describe(notice.id(), new DescribeTemplate(notice.name(), "", List.of(), AutomationType.DIRECT_DEBIT_REJECTED, true));
        commands.publish(notice.id());

        login(loginProvider, lyonAdmin);
        TemplateDetails copy = queries.find(queries.list(TemplateFilter.ACTIVE).getFirst().id()).orElseThrow();
        assertThat(copy.locked()).isTrue();
        assertThatThrownBy(() -> commands.saveEmail(copy.id(), new EmailContent("x", "", "<p>x</p>", null)))
                .isInstanceOf(TemplateLockedException.class);
        assertThatThrownBy(() -> commands.duplicate(copy.id())).isInstanceOf(TemplateLockedException.class);
        assertThatThrownBy(() -> commands.delete(copy.id())).isInstanceOf(IllegalStateException.class);
        assertThat(renderer.previewEmail(copy.email(), null, BroadcastType.LEGAL).html()).contains("rejeté");
    }

    @Test
    void anotherAccountsTemplatesAreInvisibleThroughServicesSqlAndTheApi() throws Exception {
        login(loginProvider, lyonAdmin);
        TemplateDetails lyonTemplate = email("Secret de Lyon", "Objet", "<p>Lyon</p>");
        login(loginProvider, bordeauxAdmin);
        String bordeauxKey = keys.create("k", AccessLevels.all(AccessLevel.APPROVER)).secret();
        assertThat(queries.find(lyonTemplate.id())).isEmpty();
        assertThatThrownBy(() -> commands.saveEmail(lyonTemplate.id(), new EmailContent("x", "", "<p>x</p>", null)))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(queries.list(new TemplateFilter(null, null, null, null))).extracting(TemplateSummary::name)
                .doesNotContain("Secret de Lyon");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/templates/" + lyonTemplate.id()))
                .header("Authorization", "Bearer " + bordeauxKey).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        // The application role sees no row of another account even without a WHERE clause (row-level security).
        Long visible = io.portevoix.tenancy.TenantContext.callAs(hq, () -> jdbc.sql(
                "select count(*) from templates.template where id = ?").param(lyonTemplate.id().value())
                .query(Long.class).single());
        assertThat(visible).isZero();
    }

    @Test
    void theApiCreatesAndListsTemplatesAndNamesAnUnknownTag() throws Exception {
        login(loginProvider, lyonAdmin);
        String key = keys.create("k", AccessLevels.all(AccessLevel.APPROVER)).secret();
        HttpResponse<String> bad = post(key, "{\"name\":\"SMS\",\"channel\":\"SMS\",\"text\":\"Bonjour {{ contact.surnom }}\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(bad.body());
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(problem.get("errors").get(0).get("tag").asString()).isEqualTo("contact.surnom");
        assertThat(problem.get("errors").get(0).get("column").asInt()).isEqualTo(12);
        HttpResponse<String> created = post(key, "{\"name\":\"Rappel\",\"channel\":\"SMS\",\"tags\":[\"rappel\"],"
                + "\"text\":\"Bonjour {{ contact.firstName | default: \\\"adhérent\\\" }}, à demain !\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("text").asString()).startsWith("Bonjour {{ contact.firstName");
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/templates?channel=SMS")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(list.body()).get("items")).hasSize(1);
    }

    private HttpResponse<String> post(String key, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/templates"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTestEmailGoesThroughRealSmtpMarkedAsATestWithTheMembersData() {
        login(loginProvider, lyonAdmin);
        var member = contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, uniqueEmail("testee"))
                .set(ContactField.FIRST_NAME, "Gaëlle").build(), io.portevoix.audience.ConsentSource.API).contact();
        TemplateDetails template = email("Bienvenue", "Bienvenue {{ contact.firstName }}",
                "<html><body><p>Bonjour {{ contact.firstName }}</p></body></html>");
        String to = uniqueEmail("test-recipient");
        assertThatThrownBy(() -> commands.sendTest(template.id(), List.of("pas-une-adresse"), null, BroadcastType.MARKETING))
                .isInstanceOf(io.portevoix.shared.InvalidInputException.class);
        assertThat(commands.sendTest(template.id(), List.of(to), member.id(), BroadcastType.MARKETING)).isEqualTo(1);
        io.portevoix.delivery.SandboxMessage message = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().contains(to)).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        assertThat(message.subject()).isEqualTo("[TEST] Bienvenue Gaëlle");
        assertThat(message.html()).contains("Bonjour Gaëlle", "data-pv-legal-footer");
        assertThat(message.text()).contains("Bonjour Gaëlle");
    }

    @Test
    void theSmsRangeCoversRealMembersAndMarketingCountsTheStopMention() {
        login(loginProvider, lyonAdmin);
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, uniqueEmail("a")).set(ContactField.FIRST_NAME, "Al")
                .build(), io.portevoix.audience.ConsentSource.API);
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, uniqueEmail("b"))
                .set(ContactField.FIRST_NAME, "Marie-Charlotte-Eléonore").build(), io.portevoix.audience.ConsentSource.API);
        String text = "Bonjour {{ contact.firstName }}, " + "x".repeat(118);
        SmsRange informative = renderer.smsRange(text, BroadcastType.INFORMATIVE);
        assertThat(informative.sampled()).isEqualTo(2);
        assertThat(informative.shortest().units()).isEqualTo(130);
        assertThat(informative.longest().parts()).isEqualTo(1);
        SmsRange marketing = renderer.smsRange(text, BroadcastType.MARKETING);
        assertThat(marketing.longest().parts()).isEqualTo(2);
        assertThat(renderer.previewSms("Promo !", null, BroadcastType.MARKETING)).isEqualTo("Promo ! STOP au 36111");
        commands.changeStopMention("STOP 36180");
        assertThat(renderer.previewSms("Promo !", null, BroadcastType.MARKETING)).isEqualTo("Promo ! STOP 36180");
        assertThat(renderer.previewSms("Infos", null, BroadcastType.INFORMATIVE)).isEqualTo("Infos");
    }
}
